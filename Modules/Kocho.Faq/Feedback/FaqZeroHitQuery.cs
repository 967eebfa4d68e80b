namespace Kocho.Faq.Feedback;

/// <summary>A search that found nothing, counted per normalized query: the list of questions the FAQ does not answer yet.</summary>
public sealed class FaqZeroHitQuery
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Query { get; set; } = "";
    public int Count { get; set; }
    public DateTime FirstAt { get; set; }
    public DateTime LastAt { get; set; }

    public const int QueryLength = 200;
}
