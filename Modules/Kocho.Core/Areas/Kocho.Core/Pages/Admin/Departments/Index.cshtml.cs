using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin.Departments;

/// <summary>The organisation tree, closed 所属 included (they keep their history).</summary>
public sealed class IndexModel(DepartmentDirectory directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Department Department, int Depth)> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static string LevelName(DepartmentLevel level) => level switch
    {
        DepartmentLevel.Division => "部",
        DepartmentLevel.Section => "課",
        _ => "係",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = JapanTime.Today(clock);
        var all = await directory.AllAsync(cancellationToken);
        var rows = new List<(Department, int)>();
        foreach (var root in all.Where(d => d.ParentId is null)) Add(root, 0);
        Rows = rows;

        void Add(Department department, int depth)
        {
            rows.Add((department, depth));
            foreach (var child in all.Where(d => d.ParentId == department.Id)) Add(child, depth + 1);
        }
    }
}
