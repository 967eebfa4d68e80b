namespace Kocho.Core.Categories;

/// <summary>大分類/中分類 shared by opinion cases and FAQ entries.</summary>
public sealed class Category
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public Guid? ParentId { get; set; }
    public int SortOrder { get; set; }
}
