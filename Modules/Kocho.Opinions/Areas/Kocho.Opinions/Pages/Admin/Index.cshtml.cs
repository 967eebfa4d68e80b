using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>進捗管理: the staff case list with its tabs (my department, due soon, overdue, awaiting my approval) and filters.</summary>
[Authorize(Policy = Permissions.ViewCasesName)]
public sealed class IndexModel(CaseQueries queries, DepartmentDirectory departments, TimeProvider clock) : OpinionPageModel(departments)
{
    [BindProperty(SupportsGet = true, Name = "tab")] public CaseListTab Tab { get; set; } = CaseListTab.Mine;
    [BindProperty(SupportsGet = true, Name = "status")] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "channel")] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public CaseKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "department")] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true, Name = "receipt")] public string? Receipt { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public CasePage Result { get; private set; } = new([], 0, 1, 50);
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = JapanTime.Today(clock);
        await LoadDepartmentsAsync(cancellationToken);
        Result = await queries.ListAsync(Actor, new CaseListQuery(Tab, Status, Channel, Kind, Department, Receipt, Page: PageNumber), cancellationToken);
    }

    public string Link(CaseListTab? tab = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["tab"] = (tab ?? Tab).ToString(),
            ["status"] = Status?.ToString(),
            ["channel"] = Channel?.ToString(),
            ["kind"] = Kind?.ToString(),
            ["department"] = Department?.ToString(),
            ["receipt"] = Receipt,
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/admin/opinions?" + string.Join("&", query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}"));
    }
}
