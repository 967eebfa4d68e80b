namespace Kocho.Reports.Statistics;

/// <summary>統計 of one filter: totals, by month (with the year before), by each dimension and month × dimension, answer times, open and overdue.</summary>
public sealed record StatisticsReport(
    ReportFilter Filter,
    int Total,
    int PreviousTotal,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyList<Breakdown> Breakdowns,
    AnswerTimes AnswerTimes,
    int OpenNow,
    int OverdueNow);

/// <summary>Cases received in a month (202604 = 2026年4月) and in the same month a year earlier.</summary>
public sealed record MonthCount(int Month, int Count, int PreviousYear)
{
    public string Label => $"{Month / 100}年{Month % 100}月";
}

/// <summary>Counts by one dimension (受付媒体, 種別, …): overall and per month, largest first.</summary>
public sealed record Breakdown(string Key, string Title, IReadOnlyList<BreakdownRow> Rows);

public sealed record BreakdownRow(string Label, int Count, IReadOnlyDictionary<int, int> ByMonth);

/// <summary>回答日数 in business days over answered cases: median, 90th percentile, share answered by 回答期限.</summary>
public sealed record AnswerTimes(int Answered, double? Median, int? Percentile90, int WithDue, int ByDue)
{
    public double? ShareByDue => WithDue == 0 ? null : (double)ByDue / WithDue;
}
