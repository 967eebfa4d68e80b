namespace Kocho.Opinions.History;

/// <summary>
/// 処理履歴: who, in which department, did what to a case and when. Written in the transaction of the action;
/// a correction is a new entry pointing at the original, which stays (marked superseded).
/// </summary>
public sealed class HistoryEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public Guid? DepartmentId { get; set; }
    public HistoryAction Action { get; set; }

    /// <summary>Free text (encrypted: it may name people).</summary>
    public string? Note { get; set; }
    public Guid? CorrectsId { get; set; }
    public Guid? SupersededById { get; set; }
}
