using System.Text.RegularExpressions;

namespace Kocho.Core.Search.Analysis;

/// <summary>
/// Residents write whole sentences (「住民票について知りたいのですが、教えてください」). The phrasing around the
/// subject matches every FAQ question alike, so it is cut from the query before analysis.
/// </summary>
public static partial class QuestionPhrasing
{
    // Longest forms first: the alternation is tried left to right.
    [GeneratedRegex(
        "について(?:の)?(?:詳しく)?(?:知りたい|教えて|聞きたい|お聞きしたい|質問|相談)?" +
        "|(?:を|が)?(?:教えて|おしえて)(?:ください|下さい|くれますか|ほしい|欲しい)?" +
        "|(?:は|を)?どう(?:すれば|したら|やって)(?:いい|よい|良い)?(?:ですか|でしょうか|の)?" +
        "|(?:の|な)?(?:方法|やり方|仕方|しかた)(?:は|を)?" +
        "|(?:し|い)?たい(?:のですが|んですが|んだけど|です|のですけど)?" +
        "|(?:が)?(?:ほしい|欲しい)(?:のですが|んですが|です)?" +
        "|知りたい(?:のですが|んですが|です)?" +
        "|(?:の|ん)ですが|(?:の|ん)ですけど|んだけど" +
        "|(?:の|ん)?(?:ですか|でしょうか|ますか|ますでしょうか)" +
        "|お願い(?:します|いたします)|ください|下さい" +
        "|[?？!！。、,，・\\s]+")]
    private static partial Regex Phrasing();

    /// <summary>The query with its phrasing replaced by spaces; the original when nothing would be left.</summary>
    public static string Strip(string query)
    {
        var stripped = Phrasing().Replace(query, " ").Trim();
        return stripped.Length == 0 ? query : stripped;
    }
}
