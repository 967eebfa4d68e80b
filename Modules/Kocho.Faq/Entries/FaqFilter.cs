namespace Kocho.Faq.Entries;

/// <summary>The staff list's filters (also those of the CSV export).</summary>
public sealed class FaqFilter
{
    public string? Q { get; set; }
    public FaqVersionStatus? Status { get; set; }
    public FaqVisibility? Visibility { get; set; }
    public string? Category { get; set; }
    public string? Department { get; set; }
}
