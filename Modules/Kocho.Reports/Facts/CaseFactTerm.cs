namespace Kocho.Reports.Facts;

/// <summary>A word of a case's redacted text (search analysis), once per case, with the month for 上昇語 by month.</summary>
public sealed class CaseFactTerm
{
    public Guid CaseId { get; set; }
    public required string Term { get; set; }
    public int Month { get; set; }

    public const int MaxLength = 40;
}
