namespace Kocho.Alerts.Rules;

/// <summary>What an alert (アラート) tells a department about; the stored name of each value never changes.</summary>
public enum AlertKind
{
    CaseForwarded = 1,
    ForwardingReturned = 2,
    AnswerReturned = 3,
    AnswerAwaitingApproval = 4,
    DueSoon = 5,
    Overdue = 6,
    NotForwarded = 7,
    FaqApprovalRequested = 8,
    FaqApproved = 9,
    FaqReturned = 10,
    FaqReviewDue = 11,
}
