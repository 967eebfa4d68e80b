using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Reports.Charts;
using Kocho.Reports.Statistics;
using Microsoft.AspNetCore.Authorization;

namespace Kocho.Reports.Areas.Kocho.Reports.Pages.Admin;

/// <summary>意見等統計処理: the figures of the chosen period and filters, with charts and their data tables.</summary>
[Authorize(Policy = Permissions.ViewReportsName)]
public sealed class IndexModel(CaseStatistics statistics, CoreDbContext core, DepartmentDirectory departments, ICaseFactsSource source, TimeProvider clock)
    : ReportPageModel(core, departments, source, clock)
{
    public StatisticsReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadFilterAsync(cancellationToken)) Report = await statistics.ComputeAsync(Filter, Today, cancellationToken);
    }

    public ChartData MonthChart(StatisticsReport r) => new("months", "月別の受付件数（前年同月との比較）",
        $"{PeriodLabel}の月別受付件数。合計 {r.Total} 件、前年同期 {r.PreviousTotal} 件。", ChartKind.Line,
        r.Months.Select(m => m.Label).ToList(),
        [new("当年", r.Months.Select(m => (double)m.Count).ToList()), new("前年", r.Months.Select(m => (double)m.PreviousYear).ToList())]);

    public static ChartData BreakdownChart(Breakdown b) => new(b.Key, b.Title + "の受付件数",
        string.Join("、", b.Rows.Take(5).Select(r => $"{r.Label} {r.Count}件")) + (b.Rows.Count > 5 ? " ほか" : ""), ChartKind.Bar,
        b.Rows.Select(r => r.Label).ToList(), [new("件数", b.Rows.Select(r => (double)r.Count).ToList())]);
}
