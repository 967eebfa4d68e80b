using Kocho.Core.Categories;

namespace Kocho.Migration.Import;

/// <summary>The old 大分類/中分類 names matched to Core's categories by name (the 中分類 under its 大分類 first); no match leaves the entry unfiled.</summary>
public static class LegacyCategories
{
    public static Guid? Find(IReadOnlyList<Category> categories, string? major, string? minor)
    {
        var top = major is null ? null : categories.FirstOrDefault(c => c.ParentId is null && c.Name == major);
        if (minor is not null)
        {
            var child = categories.FirstOrDefault(c => c.Name == minor && (top is null || c.ParentId == top.Id));
            if (child is not null) return child.Id;
        }
        return top?.Id;
    }
}
