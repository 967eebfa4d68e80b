namespace Kocho.Opinions.Cases;

/// <summary>A Core category (大分類/中分類) a case is filed under.</summary>
public sealed class CaseCategory
{
    public Guid CaseId { get; set; }
    public Guid CategoryId { get; set; }
}
