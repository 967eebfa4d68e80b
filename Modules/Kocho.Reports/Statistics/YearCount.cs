namespace Kocho.Reports.Statistics;

/// <summary>Cases of the period received in a 年度, and in the period a year earlier that fell in the 年度 before.</summary>
public sealed record YearCount(int FiscalYear, int Count, int PreviousYear)
{
    public string Label => FiscalYears.Label(FiscalYear);
}
