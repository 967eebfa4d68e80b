namespace Kocho.Opinions.Cases;

/// <summary>One row of the staff case list: no personal data; 残り業務日数 to the due date that concerns the actor.</summary>
public sealed record CaseListRow(
    Guid Id,
    string ReceiptNumber,
    DateOnly ReceivedOn,
    Channel Channel,
    CaseKind Kind,
    string Subject,
    CaseStatus Status,
    Guid? LeadDepartmentId,
    DateOnly? DueOn,
    int? BusinessDaysLeft);
