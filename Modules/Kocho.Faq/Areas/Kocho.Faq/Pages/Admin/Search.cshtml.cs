using Kocho.Faq.Entries;
using Kocho.Faq.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>Call-center FAQ search: keyboard-first, public and internal entries, answers inline with a copy button.</summary>
[Authorize(Policy = Permissions.ViewFaqName)]
public sealed class SearchModel(FaqSearch search, FaqMarkdown markdown) : PageModel
{
    public const int Size = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public int Total { get; private set; }
    public IReadOnlyList<FaqSearch.Hit> Hits { get; private set; } = [];

    public string Html(FaqVersion version) => markdown.ToHtml(version.Answer);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        var text = Q.Length > 200 ? Q[..200] : Q;
        (Total, Hits) = await search.StaffAsync(text, 0, Size, cancellationToken);
        if (Total == 0) await search.LogZeroHitAsync(text, cancellationToken);
    }
}
