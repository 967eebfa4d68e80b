using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>Base of the staff opinion pages: the acting staff member and department names.</summary>
public abstract class OpinionPageModel(DepartmentDirectory departments) : PageModel
{
    private Dictionary<Guid, Department>? _departments;

    protected CaseActor Actor => CaseActor.From(User);

    public bool Can(string permission) => Actor.Can(permission);

    public IReadOnlyList<Department> Sections(DateOnly today) =>
        (_departments?.Values ?? Enumerable.Empty<Department>()).Where(d => d.Level == DepartmentLevel.Section && d.IsActiveOn(today)).OrderBy(d => d.SortOrder).ToList();

    public string DepartmentName(Guid? id) => id is { } value && _departments?.GetValueOrDefault(value) is { } d ? d.Name : "";

    protected async Task LoadDepartmentsAsync(CancellationToken cancellationToken) =>
        _departments ??= (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id);
}
