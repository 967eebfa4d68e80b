namespace Kocho.Core.Protection.Redaction;

/// <summary>Masked text and what was masked (the original values, for the editor to review).</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactedItem> Items)
{
    public bool Changed => Items.Count > 0;
}
