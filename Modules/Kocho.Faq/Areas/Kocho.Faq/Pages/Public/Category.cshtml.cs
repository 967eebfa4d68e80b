using System.Globalization;
using Kocho.Core.Categories;
using Kocho.Faq.Entries;
using Kocho.Faq.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Public;

/// <summary>One 大分類 or 中分類: its public entries (a 大分類 also lists those of its 中分類), 20 a page.</summary>
public sealed class CategoryModel(FaqPublicCatalog catalog, FaqNames names, IStringLocalizer T) : PageModel
{
    public const int Size = 20;

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int PageSize => Size;
    public string Name { get; private set; } = "";
    public int Total { get; private set; }
    public IReadOnlyList<Category> Children { get; private set; } = [];
    public IReadOnlyList<FaqPublicEntry> Entries { get; private set; } = [];
    public List<(string Text, string? Url)> Breadcrumb { get; } = [];
    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await names.CategoriesAsync(cancellationToken);
        var category = all.Values.FirstOrDefault(c => c.Code == Code);
        if (category is null) return NotFound();
        if (PageNumber < 1) PageNumber = 1;
        Name = English && category.NameEn is not null ? category.NameEn : category.Name;
        Children = all.Values.Where(c => c.ParentId == category.Id).OrderBy(c => c.SortOrder).ToList();
        var ids = Children.Select(c => (Guid?)c.Id).Append(category.Id).ToList();
        var query = catalog.Live().Where(x => ids.Contains(x.Version.CategoryId));
        Total = await query.CountAsync(cancellationToken);
        Entries = await query.OrderBy(x => x.Number).Skip((PageNumber - 1) * Size).Take(Size).ToListAsync(cancellationToken);
        Breadcrumb.Add((T["よくある質問"].Value, "/faq"));
        if (category.ParentId is { } p && all.TryGetValue(p, out var parent)) Breadcrumb.Add((English && parent.NameEn is not null ? parent.NameEn : parent.Name, "/faq/category/" + parent.Code));
        Breadcrumb.Add((Name, null));
        return Page();
    }
}
