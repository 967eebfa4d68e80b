using System.Globalization;
using System.Text;

namespace Kocho.Tests.Migration;

/// <summary>
/// Synthetic exports of the old system (SHOZOKU/FAQ/IKEN/RIREKI.csv): every date form, CP932 extension characters (①, ㈱, 髙, 﨑),
/// quoted commas, quotes and line breaks, CRLF. Rows are plain string arrays so a test can break any of them; the
/// department codes, FAQ numbers and fiscal years are parameters, so several exports can share one site.
/// </summary>
public sealed class LegacyExportGenerator
{
    public string Prefix { get; init; } = "L1";
    public int FirstFaqNumber { get; init; } = 90001;
    public int FirstFiscalYear { get; init; } = 2013;
    public int FiscalYears { get; init; } = 8;
    public int FaqCount { get; init; } = 12;
    public int CaseCount { get; init; } = 36;

    /// <summary>False: one history row per case (the large-volume test).</summary>
    public bool FullHistory { get; init; } = true;

    public List<string[]> Departments { get; } = [];
    public List<string[]> Faqs { get; } = [];
    public List<string[]> Cases { get; } = [];
    public List<string[]> History { get; } = [];

    /// <summary>Raw lines appended after the rows of a file (for rows that are not even CSV-shaped).</summary>
    public Dictionary<string, List<string>> RawLines { get; } = [];

    public static readonly string[] States = ["受付", "転送済", "処理中", "回答済", "完了", "回答不要"];
    public static readonly string[] Channels = ["一般投書", "区長へのはがき", "メール", "ホームページ", "コールセンター", "電話", "FAX", "来庁"];
    public static readonly string[] Kinds = ["意見", "要望", "問合せ", "苦情", "提案", "その他"];

    public string Lead(int i) => (i % 3) switch { 0 => Prefix + "01", 1 => Prefix + "02", _ => "0103" };

    public LegacyExportGenerator Generate()
    {
        // A 係 before its 課 (parents may come later), a 課 under a 部 of the new system, two closed ones (和暦 廃止日).
        Departments.Add([Prefix + "0101", "①窓口係", Prefix + "01", ""]);
        Departments.Add([Prefix + "00", "旧総務部", "", ""]);
        Departments.Add([Prefix + "01", "旧区民課（㈱対応）", Prefix + "00", ""]);
        Departments.Add([Prefix + "02", "髙﨑記念課", Prefix + "00", "平成31年3月31日"]);
        Departments.Add([Prefix + "03", "旧広聴課", "0100", "Ｓ６３．３．３１"]);

        for (var i = 0; i < FaqCount; i++)
        {
            var registered = new DateOnly(2012, 4, 1).AddDays(i * 41 % 3650);
            var updated = registered.AddDays(30 + i);
            var owner = Lead(i);
            Faqs.Add([
                (FirstFaqNumber + i).ToString(CultureInfo.InvariantCulture), "くらし", "ごみ・リサイクル",
                $"①粗大ごみの出し方は？（第{i + 1}問、㈱の場合）",
                $"髙田馬場の「\"清掃事務所\"」へ、電話でお申し込みください。\r\n﨑の字もそのままです, 第{i + 1}問。",
                owner, owner == "0103" ? "広聴担当課" : "旧課", (i % 3) switch { 0 => "公開", 1 => "内部", _ => "非公開" },
                Date(registered, i), Date(updated, i + 1), (i * 7).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        for (var i = 0; i < CaseCount; i++)
        {
            var year = FirstFiscalYear + i % FiscalYears;
            var sequence = i / FiscalYears + 1;
            var received = new DateOnly(year, 4, 1).AddDays(i * 37 % 360);
            var state = States[i % States.Length];
            var lead = state == "受付" ? "" : Lead(i);
            var anonymous = i % 7 == 3;
            var answered = state is "回答済" or "完了";
            var receipt = $"{year}-{sequence:D6}";
            Cases.Add([
                receipt, Date(received, i), Channels[i % Channels.Length], Kinds[i % Kinds.Length],
                $"①駐輪場について、㈱{i}号",
                $"髙橋です。\r\n「\"放置自転車\"」が多く, 困っています（{i}）。",
                anonymous ? "1" : "0",
                anonymous ? "" : $"髙﨑 花子{i}", anonymous ? "" : "160-8484", anonymous ? "" : $"新宿区歌舞伎町1-4-1 ㈱ビル{i}",
                anonymous ? "" : $"03-5273-{i % 10000:D4}", anonymous || i % 2 == 0 ? "" : "03-3209-9999", anonymous ? "" : $"resident{i}@example.jp",
                lead, i % 5 == 1 && lead.Length > 0 ? $"{Prefix}03;0102" : "", state,
                answered ? Date(received.AddDays(10), i + 2) : "",
                answered ? $"ご意見ありがとうございます。\r\n対応しました, 第{i}号（①）。" : "",
            ]);
            History.Add([receipt, DateTimeText(received, 9, 0, i), lead.Length > 0 ? lead : "", "受付", $"受付しました、髙木{i}", "髙木 一郎"]);
            if (FullHistory && lead.Length > 0)
            {
                History.Add([receipt, DateTimeText(received.AddDays(1), 10, 30, i + 1), "0103", "転送", "主管課へ転送\r\n（至急）", "﨑山 次郎"]);
                if (state != "転送済") History.Add([receipt, DateTimeText(received.AddDays(2), 14, 5, i + 2), lead, "電話", "", "担当者"]);
            }
        }
        return this;
    }

    public void Write(string directory, Encoding encoding)
    {
        Directory.CreateDirectory(directory);
        WriteFile(directory, "SHOZOKU.csv", "所属コード,所属名,上位所属コード,廃止日", Departments, encoding);
        WriteFile(directory, "FAQ.csv", "FAQ番号,大分類,中分類,質問,回答,担当課コード,担当課名,公開区分,登録日,更新日,閲覧数", Faqs, encoding);
        WriteFile(directory, "IKEN.csv", "受付番号,受付日,受付媒体,種別,件名,内容,匿名,氏名,郵便番号,住所,電話番号,FAX番号,メールアドレス,主管課コード,関係課コード,状態,回答日,回答内容", Cases, encoding);
        WriteFile(directory, "RIREKI.csv", "受付番号,処理日時,所属コード,処理区分,内容,担当者名", History, encoding);
    }

    private void WriteFile(string directory, string name, string header, List<string[]> rows, Encoding encoding)
    {
        var text = new StringBuilder(header).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(v => v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v))).Append("\r\n");
        }
        foreach (var line in RawLines.GetValueOrDefault(name) ?? []) text.Append(line).Append("\r\n");
        File.WriteAllBytes(Path.Combine(directory, name), encoding.GetBytes(text.ToString()));
    }

    /// <summary>The date in one of the old system's forms, chosen by <paramref name="form"/>.</summary>
    public static string Date(DateOnly date, int form) => (form % 6) switch
    {
        0 => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        1 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        2 => EraLetter(date),
        3 => EraName(date),
        4 => FullWidth(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).Replace('-', '－')),
        _ => FullWidth(EraLetter(date)),
    };

    private static string DateTimeText(DateOnly date, int hour, int minute, int form) => (form % 3) switch
    {
        0 => $"{Date(date, form)} {hour:D2}:{minute:D2}",
        1 => $"{Date(date, form)} {hour}:{minute:D2}:00",
        _ => $"{Date(date, form)}　{hour}時{minute}分",
    };

    public static (string Letter, string Name, int Year) Era(DateOnly date) =>
        date >= new DateOnly(2019, 5, 1) ? ("R", "令和", date.Year - 2018)
        : date >= new DateOnly(1989, 1, 8) ? ("H", "平成", date.Year - 1988)
        : ("S", "昭和", date.Year - 1925);

    public static string EraLetter(DateOnly date)
    {
        var (letter, _, year) = Era(date);
        return $"{letter}{year}.{date.Month}.{date.Day}";
    }

    public static string EraName(DateOnly date)
    {
        var (_, name, year) = Era(date);
        return $"{name}{(year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日";
    }

    private static string FullWidth(string text) =>
        new(text.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c switch { '.' => '．', 'H' => 'Ｈ', 'R' => 'Ｒ', 'S' => 'Ｓ', _ => c }).ToArray());
}
