using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Kocho.Core.Search.Analysis;

/// <summary>
/// Folds katakana to hiragana inside each token (マイナンバー → まいなんばー), so that residents who type a word in
/// either kana find the same entries. Length-preserving, so offsets (and highlighting) stay exact.
/// </summary>
public sealed class KanaFoldFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public KanaFoldFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            buffer[i] = Fold(buffer[i]);
        }
        return true;
    }

    /// <summary>ァ (U+30A1) … ヶ (U+30F6) map onto ぁ (U+3041) … ゖ (U+3096); ヽヾ onto ゝゞ.</summary>
    public static char Fold(char c) => c is >= '\u30A1' and <= '\u30F6' or '\u30FD' or '\u30FE' ? (char)(c - 0x60) : c;
}
