using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Handling;

/// <summary>
/// 回答: the lead department's draft, approved by its 課長 (Approver), reviewed and sent by the public-hearing
/// section. One per case; every step is also in the history. The text is encrypted at rest.
/// </summary>
public sealed class CaseAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Guid? DepartmentId { get; set; }
    public HandlingKind Kind { get; set; } = HandlingKind.Answer;
    public required string Text { get; set; }
    public AnswerStatus Status { get; set; } = AnswerStatus.Draft;
    public AnswerMethod Method { get; set; }
    public Guid? DraftedById { get; set; }
    public string? DraftedByName { get; set; }
    public DateTime DraftedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public Guid? ApprovedById { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ReturnReason { get; set; }
    public Guid? SentById { get; set; }
    public string? SentByName { get; set; }
    public DateTime? SentAt { get; set; }
}
