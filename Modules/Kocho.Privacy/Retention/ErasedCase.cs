namespace Kocho.Privacy.Retention;

/// <summary>A case whose personal data the purge erased (特記事項 10): found again by nobody's purge, listed by none's dry run.</summary>
public sealed class ErasedCase
{
    public Guid CaseId { get; set; }
    public DateTime ErasedAt { get; set; }

    /// <summary><see cref="ErasureReason"/> as text.</summary>
    public string Reason { get; set; } = "";
}
