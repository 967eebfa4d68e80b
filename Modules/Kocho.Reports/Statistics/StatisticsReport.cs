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
