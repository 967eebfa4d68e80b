namespace Kocho.Core.Protection.Redaction;

/// <summary>One masked value: its kind, the original text and where its mask starts in the masked text.</summary>
public sealed record RedactedItem(RedactedKind Kind, string Original, int MaskIndex, int MaskLength);
