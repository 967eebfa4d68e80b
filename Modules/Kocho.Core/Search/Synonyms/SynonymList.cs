namespace Kocho.Core.Search.Synonyms;

/// <summary>
/// The synonym list as administrators edit it: one group per line, terms separated by 「,」「、」「⇔」「=」 (full or
/// half width); blank lines and lines starting with # are ignored. Errors name the line, and nothing is saved.
/// </summary>
public static class SynonymList
{
    public const int MaxGroups = 2000;
    public const int MaxTermLength = 50;

    private static readonly char[] Separators = [',', '，', '、', '⇔', '↔', '=', '＝', '\t'];

    public sealed record LineError(int Line, string Message, object[] Arguments);

    public static string Format(IEnumerable<IReadOnlyList<string>> groups) =>
        string.Join("\n", groups.Select(g => string.Join(", ", g)));

    public static (List<string[]> Groups, List<LineError> Errors) Parse(string? text)
    {
        var groups = new List<string[]>();
        var errors = new List<LineError>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var terms = line.Split(Separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
            if (terms.Length < 2)
            {
                errors.Add(new LineError(i + 1, "{0}行目: 同義語は「住民票, 住民票の写し」のように2語以上をカンマ（、）で区切って入力してください。", [i + 1]));
            }
            else if (terms.FirstOrDefault(t => t.Length > MaxTermLength) is { } longTerm)
            {
                errors.Add(new LineError(i + 1, "{0}行目: 「{1}」は長すぎます。1語は{2}文字以内にしてください。", [i + 1, longTerm[..10] + "…", MaxTermLength]));
            }
            else if (string.Join(SearchSynonym.Separator, terms).Length > SearchSynonym.MaxTermsLength)
            {
                errors.Add(new LineError(i + 1, "{0}行目: 1行が長すぎます。グループを分けてください。", [i + 1]));
            }
            else
            {
                groups.Add(terms);
            }
        }
        if (groups.Count > MaxGroups)
        {
            errors.Add(new LineError(0, "同義語のグループは{0}行までです。", [MaxGroups]));
        }
        return (groups, errors);
    }
}
