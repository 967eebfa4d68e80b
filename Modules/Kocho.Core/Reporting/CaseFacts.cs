namespace Kocho.Core.Reporting;

/// <summary>
/// A case as statistics need it: codes and dates only, and its subject and body with personal data masked
/// (<see cref="RedactedText"/>, for term analysis). Written by the module that owns cases, read by Reports.
/// </summary>
public sealed record CaseFacts(
    Guid CaseId,
    string ReceiptNumber,
    int FiscalYear,
    DateOnly ReceivedOn,
    int Channel,
    int Kind,
    int Status,
    bool IsOpen,
    Guid? LeadDepartmentId,
    IReadOnlyList<Guid> DepartmentIds,
    IReadOnlyList<Guid> CategoryIds,
    DateOnly? AnswerDue,
    DateOnly? AnsweredOn,
    string RedactedText);
