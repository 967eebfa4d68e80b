namespace Kocho.Reports.Statistics;

/// <summary>What a report counts: 受付日 from–to, and optionally one department (any forwarding), channel, kind, category.</summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, Guid? DepartmentId = null, int? Channel = null, int? Kind = null, Guid? CategoryId = null)
{
    /// <summary>The same filter one year earlier (前年度比較).</summary>
    public ReportFilter PreviousYear() => this with { From = From.AddYears(-1), To = To.AddYears(-1) };

    public static ReportFilter FiscalYear(int year) => new(FiscalYears.Start(year), FiscalYears.End(year));
}
