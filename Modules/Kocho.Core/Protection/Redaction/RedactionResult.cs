namespace Kocho.Core.Protection.Redaction;

/// <summary>Masked text and what was masked (the original values, for the editor to review).</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactedItem> Items)
{
    public bool Changed => Items.Count > 0;

    /// <summary>
    /// The masked text with every mask replaced by <paramref name="mask"/>: for text that is searched, where labels
    /// such as 〔氏名〕 would make 氏名 match every redacted case.
    /// </summary>
    public string WithUniformMask(string mask = UniformMask)
    {
        var output = new System.Text.StringBuilder(Text.Length);
        var position = 0;
        foreach (var item in Items)
        {
            output.Append(Text, position, item.MaskIndex - position).Append(mask);
            position = item.MaskIndex + item.MaskLength;
        }
        return output.Append(Text, position, Text.Length - position).ToString();
    }

    public const string UniformMask = "＊＊＊";
}
