using Kocho.Faq.Approval;
using Kocho.Faq.Entries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>承認待ち: the versions waiting at a step this approver decides (their own drafts never appear).</summary>
[Authorize(Policy = Permissions.ViewFaqName)]
public sealed class ApprovalsModel(FaqQueries queries) : PageModel
{
    public IReadOnlyList<(FaqRow Row, FaqApprovalStep Step)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await queries.AwaitingApprovalAsync(FaqActor.From(User), cancellationToken);
}
