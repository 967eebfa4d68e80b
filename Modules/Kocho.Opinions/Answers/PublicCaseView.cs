using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Answers;

/// <summary>What the sender may read of their own case: status, and the answer once it was sent on the web.</summary>
public sealed record PublicCaseView(
    Guid Id,
    string ReceiptNumber,
    DateOnly ReceivedOn,
    CaseKind Kind,
    string Subject,
    string Body,
    CaseStatus Status,
    AnswerMethod AnswerMethod,
    string? AnswerText,
    DateTime? AnsweredAt);
