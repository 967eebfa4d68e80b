namespace Kocho.Faq.Feedback;

/// <summary>An entry suggested while a resident typed an inquiry (shown), or opened from the suggestion (a possible deflection).</summary>
public sealed class FaqSuggestionEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int EntryNumber { get; set; }
    public bool Opened { get; set; }
    public DateTime OccurredAt { get; set; }
}
