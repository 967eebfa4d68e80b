namespace Kocho.Reports.Statistics;

/// <summary>統計 of one filter: totals, by 年度 and by month (with the year before), by each dimension and month × dimension, answer times, open and overdue.</summary>
public sealed record StatisticsReport(
    ReportFilter Filter,
    int Total,
    int PreviousTotal,
    IReadOnlyList<YearCount> Years,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyList<Breakdown> Breakdowns,
    AnswerTimes AnswerTimes,
    int OpenNow,
    int OverdueNow);
