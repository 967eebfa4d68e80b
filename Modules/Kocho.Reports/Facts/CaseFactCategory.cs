namespace Kocho.Reports.Facts;

/// <summary>A category a case is filed under.</summary>
public sealed class CaseFactCategory
{
    public Guid CaseId { get; set; }
    public Guid CategoryId { get; set; }
}
