using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Icu;
using Lucene.Net.Analysis.Icu.Segmentation;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Kocho.Core.Search.Analysis;

/// <summary>
/// The two analyses of Japanese text the index keeps side by side. Both first apply NFKC with case folding
/// (全角/半角, ｶﾀｶﾅ, Ａ→a) and fold katakana to hiragana. <see cref="Bigrams"/> cuts CJK runs into overlapping
/// 2-grams (recall: partial words, unknown compounds); <see cref="Words"/> segments with ICU's dictionary
/// (precision: 住民票 matches the word, not 住民 + 民票 anywhere). Particles are dropped from the word field.
/// </summary>
public static class JapaneseAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Normalizer2 NfkcCaseFold = Normalizer2.GetInstance(null, "nfkc_cf", Normalizer2Mode.Compose);

    /// <summary>Function words and single kana, which carry no meaning on their own (after kana folding).</summary>
    private static readonly CharArraySet Particles = new(Version,
        new[]
        {
            "から", "まで", "より", "です", "ですが", "ます", "でしょう", "ください", "ので", "のに", "けど", "けれど", "って",
            "する", "した", "して", "します", "しまい", "ある", "あり", "いる", "なる", "どう", "どこ", "なに", "何", "こと",
            "もの", "ため", "とき", "それ", "これ", "その", "この",
        }.Concat(Enumerable.Range('\u3041', '\u3096' - '\u3041' + 1).Select(c => ((char)c).ToString())).ToArray(),
        ignoreCase: false);

    public static Analyzer Bigrams { get; } = new BigramAnalyzer();

    public static Analyzer Words { get; } = new WordAnalyzer();

    /// <summary>The same folding the analyzers apply, for matching synonyms and phrasing on plain strings.</summary>
    public static string Fold(string text)
    {
        var normalized = NfkcCaseFold.Normalize(text);
        return string.Create(normalized.Length, normalized, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = KanaFoldFilter.Fold(source[i]);
            }
        });
    }

    private static TextReader Normalize(TextReader reader) => new ICUNormalizer2CharFilter(reader, NfkcCaseFold);

    private sealed class BigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new KanaFoldFilter(tokenizer);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => Normalize(reader);
    }

    private sealed class WordAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new ICUTokenizer(reader, new DefaultICUTokenizerConfig(cjkAsWords: true, myanmarAsWords: false));
            TokenStream stream = new KanaFoldFilter(tokenizer);
            stream = new StopFilter(Version, stream, Particles);
            return new TokenStreamComponents(tokenizer, stream);
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => Normalize(reader);
    }
}
