using System.Globalization;
using System.Text.RegularExpressions;

namespace Kocho.Migration.Legacy;

/// <summary>
/// The old system's dates: 西暦 (2013/06/01, 2013-06-01, 2013年6月1日) and 和暦 (H25.6.1, 平成25年6月1日, R1.5.1, 令和元年5月1日,
/// S/昭和 …), full-width digits and hyphens included. A 和暦 date outside its era (平成31年5月1日) is refused, not guessed.
/// </summary>
public static partial class LegacyDate
{
    private sealed record Era(string Letter, string Name, DateOnly Start, DateOnly? End);

    private static readonly Era[] Eras =
    [
        new("M", "明治", new DateOnly(1868, 1, 25), new DateOnly(1912, 7, 29)),
        new("T", "大正", new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 24)),
        new("S", "昭和", new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)),
        new("H", "平成", new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
        new("R", "令和", new DateOnly(2019, 5, 1), null),
    ];

    [GeneratedRegex(@"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")]
    private static partial Regex Western();

    [GeneratedRegex(@"^(\d{4})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex WesternKanji();

    [GeneratedRegex(@"^([MTSHRmtshr])(\d{1,2}|元)[/\-.](\d{1,2})[/\-.](\d{1,2})$")]
    private static partial Regex EraLetter();

    [GeneratedRegex(@"^(明治|大正|昭和|平成|令和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex EraName();

    [GeneratedRegex(@"^(\d{1,2})(?::|時)(\d{1,2})(?:(?::|分)(\d{1,2})秒?|分)?$")]
    private static partial Regex Time();

    /// <summary>Parses a date; on failure <paramref name="error"/> is the Japanese reason.</summary>
    public static bool TryParse(string raw, out DateOnly date, out string? error)
    {
        date = default;
        var text = LegacyText.Fold(raw);
        if (text.Length == 0) { error = "日付がありません。"; return false; }
        Match m;
        if ((m = Western().Match(text)).Success || (m = WesternKanji().Match(text)).Success)
        {
            return Make(raw, Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value), out date, out error);
        }
        Era? era = null;
        if ((m = EraLetter().Match(text)).Success) era = Eras.First(e => e.Letter == m.Groups[1].Value.ToUpperInvariant());
        else if ((m = EraName().Match(text)).Success) era = Eras.First(e => e.Name == m.Groups[1].Value);
        if (era is null) { error = $"日付「{raw}」の形式が読めません（例: 2013/06/01、H25.6.1、平成25年6月1日）。"; return false; }
        var eraYear = m.Groups[2].Value == "元" ? 1 : Int(m.Groups[2].Value);
        if (eraYear < 1) { error = $"日付「{raw}」の年が正しくありません。"; return false; }
        if (!Make(raw, era.Start.Year + eraYear - 1, Int(m.Groups[3].Value), Int(m.Groups[4].Value), out date, out error)) return false;
        if (date < era.Start || (era.End is { } end && date > end))
        {
            error = $"日付「{raw}」は{era.Name}の期間（{era.Start:yyyy/MM/dd}～{(era.End is { } e ? e.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) : "")}）にありません。";
            return false;
        }
        return true;
    }

    /// <summary>処理日時: a date, optionally followed by a time (10:30, 10:30:15, 10時30分), in Japan time.</summary>
    public static bool TryParseDateTime(string raw, out DateTime local, out string? error)
    {
        local = default;
        var text = LegacyText.Fold(raw);
        var space = text.IndexOf(' ');
        var datePart = space < 0 ? text : text[..space];
        if (!TryParse(datePart, out var date, out error)) return false;
        var time = TimeOnly.MinValue;
        if (space >= 0)
        {
            var m = Time().Match(text[(space + 1)..].Trim());
            var hour = m.Success ? Int(m.Groups[1].Value) : -1;
            var minute = m.Success ? Int(m.Groups[2].Value) : -1;
            var second = m.Success && m.Groups[3].Success ? Int(m.Groups[3].Value) : 0;
            if (!m.Success || hour > 23 || minute > 59 || second > 59) { error = $"時刻「{raw}」が読めません（例: 2013/06/01 10:30）。"; return false; }
            time = new TimeOnly(hour, minute, second);
        }
        local = date.ToDateTime(time);
        return true;
    }

    private static bool Make(string raw, int year, int month, int day, out DateOnly date, out string? error)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"日付「{raw}」は存在しない日付です。";
            return false;
        }
        date = new DateOnly(year, month, day);
        error = null;
        return true;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
