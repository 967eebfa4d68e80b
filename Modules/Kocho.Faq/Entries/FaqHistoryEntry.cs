namespace Kocho.Faq.Entries;

/// <summary>処理履歴 of an entry: every edit, submission, approval, return and publication, who and when, with the comment.</summary>
public sealed class FaqHistoryEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EntryId { get; set; }
    public Guid? VersionId { get; set; }
    public int? VersionNumber { get; set; }
    public string Action { get; set; } = "";
    public string? Comment { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public DateTime OccurredAt { get; set; }
}
