using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Reports.Charts;
using Kocho.Reports.Departments;
using Kocho.Reports.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Reports.Areas.Kocho.Reports.Pages.Admin;

/// <summary>所属毎の分析: department staff get their own department; the public-hearing section chooses one (or all).</summary>
[Authorize(Policy = Permissions.ViewReportsName)]
public sealed class DepartmentsModel(DepartmentAnalysis analysis, CoreDbContext core, DepartmentDirectory departments, ICaseFactsSource source, TimeProvider clock)
    : ReportPageModel(core, departments, source, clock)
{
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }

    public DepartmentReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Term = string.IsNullOrWhiteSpace(Term) ? null : Term.Trim();
        if (await LoadFilterAsync(cancellationToken)) Report = await analysis.ComputeAsync(Filter, Term, cancellationToken);
    }

    public string TermLink(string term)
    {
        var values = FilterValues();
        values["term"] = term;
        return "/admin/reports/departments?" + string.Join("&", values.Where(v => v.Value is not null).Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
    }

    public static ChartData CategoryChart(DepartmentReport r) => new("top-categories", "件数の多い分類",
        string.Join("、", r.TopCategories.Select(c => $"{c.Label} {c.Count}件")), ChartKind.Bar,
        r.TopCategories.Select(c => c.Label).ToList(), [new("件数", r.TopCategories.Select(c => (double)c.Count).ToList())]);
}
