using Kocho.Core.Web.RateLimiting;
using Kocho.Faq.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Public;

/// <summary>FAQ search for residents: public entries only, highlighted snippets, 10 a page; a search that finds nothing is logged for gap analysis.</summary>
[RateLimited(RateLimitPolicies.Search, Reads = true)]
public sealed class SearchModel(FaqSearch search, IStringLocalizer T) : PageModel
{
    public const int Size = 10;
    public const int QueryLength = 200;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int PageSize => Size;
    public int Skip => (PageNumber - 1) * Size;
    public int Total { get; private set; }
    public IReadOnlyList<FaqSearch.Hit> Hits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1 || PageNumber > 1000) PageNumber = 1;
        if (string.IsNullOrWhiteSpace(Q)) return;
        if (Q.Length > QueryLength)
        {
            Error = T["検索する言葉は{0}文字以内で入力してください。", QueryLength].Value;
            return;
        }
        (Total, Hits) = await search.PublicAsync(Q, Skip, Size, highlight: true, cancellationToken);
        if (Total == 0 && PageNumber == 1) await search.LogZeroHitAsync(Q, cancellationToken);
    }
}
