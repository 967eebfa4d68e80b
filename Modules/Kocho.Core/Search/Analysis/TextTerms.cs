using Lucene.Net.Analysis.TokenAttributes;

namespace Kocho.Core.Search.Analysis;

/// <summary>
/// The words of a text as the search index's word field sees them (NFKC, kana folding, ICU segmentation, particles
/// dropped), for modules that count terms. Callers pass text with personal data already masked.
/// </summary>
public static class TextTerms
{
    /// <summary>Distinct words of at least <paramref name="minLength"/> characters, in order of first appearance.</summary>
    public static IReadOnlyList<string> Words(string text, int minLength = 2)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = JapaneseAnalysis.Words.GetTokenStream("words", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (value.Length >= minLength && !value.All(char.IsAsciiDigit) && !value.Contains('＊') && seen.Add(value)) words.Add(value);
        }
        stream.End();
        return words;
    }
}
