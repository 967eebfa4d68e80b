using Kocho.Faq.Data;
using Kocho.Faq.Feedback;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>FAQ gap analysis: searches that found nothing, most frequent first.</summary>
[Authorize(Policy = Permissions.ImportExportFaqName)]
public sealed class GapsModel(FaqDbContext db) : PageModel
{
    public IReadOnlyList<FaqZeroHitQuery> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await db.ZeroHitQueries.AsNoTracking().OrderByDescending(z => z.Count).ThenByDescending(z => z.LastAt).Take(200).ToListAsync(cancellationToken);
}
