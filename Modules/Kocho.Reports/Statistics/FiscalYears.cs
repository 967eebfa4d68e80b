namespace Kocho.Reports.Statistics;

/// <summary>年度 (April to March) and its 和暦 name, e.g. 2026年度（令和8年度）; FY2019 is 令和元年度.</summary>
public static class FiscalYears
{
    public static int Of(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static DateOnly Start(int year) => new(year, 4, 1);

    public static DateOnly End(int year) => new(year + 1, 3, 31);

    public static string Wareki(int year) => year switch
    {
        >= 2019 => "令和" + Number(year - 2018),
        >= 1989 => "平成" + Number(year - 1988),
        _ => "昭和" + Number(year - 1925),
    };

    /// <summary>2026年度（令和8年度）.</summary>
    public static string Label(int year) => $"{year}年度（{Wareki(year)}年度）";

    /// <summary>A day in 和暦 by the era it falls in: 令和 from 2019-05-01, 平成 from 1989-01-08, e.g. 令和元年5月1日.</summary>
    public static string WarekiDate(DateOnly date)
    {
        var era = date >= new DateOnly(2019, 5, 1) ? "令和" + Number(date.Year - 2018)
            : date >= new DateOnly(1989, 1, 8) ? "平成" + Number(date.Year - 1988)
            : "昭和" + Number(date.Year - 1925);
        return $"{era}年{date.Month}月{date.Day}日";
    }

    /// <summary>2026年4月1日（令和8年4月1日）: a day of a period in 西暦 with its 和暦 beside it.</summary>
    public static string DateLabel(DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日（{WarekiDate(date)}）");

    private static string Number(int n) => n == 1 ? "元" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
