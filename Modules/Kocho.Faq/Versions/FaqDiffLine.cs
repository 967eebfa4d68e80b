namespace Kocho.Faq.Versions;

/// <summary>One line of a diff between two versions: unchanged, only in the older one (deleted) or only in the newer one (added).</summary>
public sealed record FaqDiffLine(FaqDiffKind Kind, string Text);

public enum FaqDiffKind
{
    Same,
    Deleted,
    Added,
}
