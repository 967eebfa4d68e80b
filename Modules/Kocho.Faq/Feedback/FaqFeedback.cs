namespace Kocho.Faq.Feedback;

/// <summary>「この回答は役に立ちましたか？」: one resident's answer. The comment is free text and may hold personal data, so it is encrypted.</summary>
public sealed class FaqFeedback
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EntryId { get; set; }
    public Guid VersionId { get; set; }
    public bool Helpful { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
}
