using Kocho.Core.Data;
using Kocho.Core.Search;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Search;

/// <summary>
/// The "faq" index's documents: the live version of each entry, with tags visibility (public|internal), category
/// (大分類 and 中分類 codes) and department (担当課コード). FAQ text holds no personal data.
/// </summary>
public sealed class FaqSearchDocuments(FaqDbContext db, CoreDbContext core)
{
    public const string Index = "faq";
    public const string VisibilityTag = "visibility";
    public const string CategoryTag = "category";
    public const string DepartmentTag = "department";
    public const string Public = "public";
    public const string Internal = "internal";

    public async Task<IReadOnlyList<SearchDocument>> LiveAsync(IReadOnlyCollection<Guid>? entryIds, CancellationToken cancellationToken)
    {
        var query = from e in db.Entries.AsNoTracking()
                    join v in db.Versions.AsNoTracking() on e.LiveVersionId equals v.Id
                    select new { e.Id, e.Number, e.OwnerDepartmentId, Version = v };
        if (entryIds is not null) query = query.Where(x => entryIds.Contains(x.Id));
        var rows = await query.ToListAsync(cancellationToken);
        var categories = await core.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var departments = await core.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        return rows.Select(r =>
        {
            var categoryCodes = new List<string>();
            if (r.Version.CategoryId is { } c && categories.TryGetValue(c, out var category))
            {
                categoryCodes.Add(category.Code);
                if (category.ParentId is { } p && categories.TryGetValue(p, out var parent)) categoryCodes.Add(parent.Code);
            }
            return new SearchDocument
            {
                Id = r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Title = r.Version.Question,
                Keywords = string.Join(' ', r.Version.KeywordList()),
                Body = FaqMarkdown.ToPlainText(r.Version.Answer),
                Date = r.Version.PublishedAt,
                Tags = new Dictionary<string, IReadOnlyList<string>>
                {
                    [VisibilityTag] = [r.Version.Visibility == FaqVisibility.Public ? Public : Internal],
                    [CategoryTag] = categoryCodes,
                    [DepartmentTag] = departments.TryGetValue(r.OwnerDepartmentId, out var code) ? [code] : [],
                },
            };
        }).ToList();
    }
}
