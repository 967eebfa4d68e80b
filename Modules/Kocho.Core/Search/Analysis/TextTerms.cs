using Lucene.Net.Analysis.TokenAttributes;

namespace Kocho.Core.Search.Analysis;

/// <summary>
/// The words of a text as the search index's word field sees them (NFKC, kana folding, ICU segmentation, particles
/// dropped), for modules that count terms. Callers pass text with personal data already masked.
/// </summary>
public static class TextTerms
{
    /// <summary>
    /// Distinct words of at least <paramref name="minLength"/> characters, in order of first appearance. A word written
    /// only in hiragana is left out: those are endings and function words (ください is cut into くだ|さい, して, ほしい…)
    /// that would top every count; words in kanji or katakana (センター, folded to せんたー) are kept.
    /// </summary>
    public static IReadOnlyList<string> Words(string text, int minLength = 2)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = JapaneseAnalysis.Words.GetTokenStream("words", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (value.Length >= minLength && !value.All(char.IsAsciiDigit) && !value.Contains('＊') && !WrittenInHiragana(text, offset.StartOffset, offset.EndOffset)
                && seen.Add(value)) words.Add(value);
        }
        stream.End();
        return words;
    }

    /// <summary>Whether the word as written in the text (offsets are those of the original, before normalization) is all hiragana.</summary>
    private static bool WrittenInHiragana(string text, int start, int end)
    {
        if (start < 0 || end > text.Length || start >= end) return false;
        foreach (var c in text.AsSpan(start, end - start))
        {
            if (c is not ((>= '\u3041' and <= '\u309F') or 'ー')) return false;
        }
        return true;
    }
}
