namespace Kocho.Faq.Entries;

/// <summary>One entry in a staff list: its latest version (the one being worked on, or the published one) and whether it is on the site.</summary>
public sealed record FaqRow(
    Guid EntryId, int Number, string Question, int VersionNumber, FaqVersionStatus Status, bool Live, FaqVisibility Visibility,
    Guid OwnerDepartmentId, Guid? CategoryId, DateTime UpdatedAt, DateOnly? LastReviewedOn, int ApprovalStep);
