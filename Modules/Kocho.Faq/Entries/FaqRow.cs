namespace Kocho.Faq.Entries;

/// <summary>One entry in a staff list: its latest version (the one being worked on, or the published one) and whether it is on the site.</summary>
public sealed class FaqRow
{
    public Guid EntryId { get; init; }
    public int Number { get; init; }
    public string Question { get; init; } = "";
    public int VersionNumber { get; init; }
    public FaqVersionStatus Status { get; init; }
    public bool Live { get; init; }
    public FaqVisibility Visibility { get; init; }
    public Guid OwnerDepartmentId { get; init; }
    public Guid? CategoryId { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateOnly? LastReviewedOn { get; init; }
    public int ApprovalStep { get; init; }
}
