using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Statistics;

/// <summary>
/// The filters every report page shares (年度 preset or 受付日 from–to, 所属, 受付媒体, 種別, 分類) and their choices;
/// the department is forced to the user's own for department staff (<see cref="ReportScope"/>).
/// </summary>
public abstract class ReportPageModel(CoreDbContext core, DepartmentDirectory departments, ICaseFactsSource source, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public int? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }

    public DateOnly Today { get; private set; }
    public bool SeesAll { get; private set; }
    public string? Error { get; protected set; }
    public ReportFilter Filter { get; private set; } = ReportFilter.FiscalYear(2000);
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> DepartmentChoices { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> CategoryChoices { get; private set; } = [];
    public IReadOnlyList<(int Code, string Label)> Channels => source.Channels;
    public IReadOnlyList<(int Code, string Label)> Kinds => source.Kinds;

    public string PeriodLabel => Year is { } y && From is null && To is null
        ? FiscalYears.Label(y)
        : $"{FiscalYears.DateLabel(Filter.From)}〜{FiscalYears.DateLabel(Filter.To)}";

    /// <summary>Reads the filters; false (with <see cref="Error"/> set) when the period is not a valid range.</summary>
    protected async Task<bool> LoadFilterAsync(CancellationToken cancellationToken)
    {
        Today = JapanTime.Today(clock);
        SeesAll = ReportScope.SeesAll(User);
        var current = FiscalYears.Of(Today);
        Years = Enumerable.Range(current - 9, 10).Reverse().ToList();
        var all = await departments.AllAsync(cancellationToken);
        DepartmentChoices = (SeesAll ? all : all.Where(d => d.Id == User.DepartmentId()))
            .Select(d => (d.Id, d.Name)).ToList();
        CategoryChoices = (await core.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name)).ToList();
        Department = ReportScope.Department(User, Department);

        // A year outside what DateOnly holds (年度=-1 in the address) is bad input, not a server error.
        if (Year is < 1900 or > 9000)
        {
            Error = "年度が正しくありません。";
            return false;
        }
        if (From is null && To is null) Year ??= current;
        var from = From ?? FiscalYears.Start(Year ?? FiscalYears.Of(To!.Value));
        var to = To ?? FiscalYears.End(Year ?? FiscalYears.Of(from));
        if (from > to || to.DayNumber - from.DayNumber > 366 * 10)
        {
            Error = "期間が正しくありません。開始日は終了日以前、期間は10年以内にしてください。";
            return false;
        }
        Filter = new ReportFilter(from, to, Department, Channel, Kind, Category);
        return true;
    }

    /// <summary>The current filters as route values, for links to the other report pages.</summary>
    public Dictionary<string, string?> FilterValues() => new()
    {
        ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["department"] = SeesAll ? Department?.ToString() : null,
        ["channel"] = Channel?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kind"] = Kind?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["category"] = Category?.ToString(),
    };
}
