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

    private static string Number(int n) => n == 1 ? "元" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
