using System.Globalization;
using Kocho.Core.Categories;
using Kocho.Faq.Entries;
using Kocho.Faq.Public;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Public;

/// <summary>よくある質問 (public): search, 大分類 with their number of entries, the newest and the most viewed entries.</summary>
public sealed class IndexModel(FaqPublicCatalog catalog, FaqNames names) : PageModel
{
    public IReadOnlyList<(Category Category, int Count)> Categories { get; private set; } = [];
    public IReadOnlyList<FaqPublicEntry> Newest { get; private set; } = [];
    public IReadOnlyList<FaqPublicEntry> Popular { get; private set; } = [];
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await names.CategoriesAsync(cancellationToken);
        var counts = (await catalog.Live().GroupBy(x => x.Version.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .Where(c => c.Key is not null)
            .GroupBy(c => all.TryGetValue(c.Key!.Value, out var cat) ? cat.ParentId ?? cat.Id : Guid.Empty)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        Categories = all.Values.Where(c => c.ParentId is null && counts.ContainsKey(c.Id)).OrderBy(c => c.SortOrder).Select(c => (c, counts[c.Id])).ToList();
        Newest = await catalog.Live().OrderByDescending(x => x.Version.PublishedAt).Take(5).ToListAsync(cancellationToken);
        Popular = await catalog.Live().OrderByDescending(x => x.ViewCount).ThenBy(x => x.Number).Take(5).ToListAsync(cancellationToken);
    }
}
