namespace Kocho.Reports.Statistics;

/// <summary>Cases received in a month (202604 = 2026年4月) and in the same month a year earlier.</summary>
public sealed record MonthCount(int Month, int Count, int PreviousYear)
{
    public string Label => $"{Month / 100}年{Month % 100}月";
}
