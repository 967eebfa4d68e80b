using Kocho.Core.Departments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin.Departments;

/// <summary>Adds or edits one 所属; errors are shown per field and nothing is saved.</summary>
public sealed class EditModel(DepartmentDirectory directory, DepartmentService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public DepartmentEdit Input { get; set; } = new();

    public IReadOnlyList<Department> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var department = await directory.FindAsync(id, cancellationToken);
            if (department is null) return NotFound();
            Input = new DepartmentEdit
            {
                Code = department.Code, Name = department.Name, NameEn = department.NameEn, Level = department.Level,
                ParentId = department.ParentId, Phone = department.Phone, ValidFrom = department.ValidFrom,
                ValidTo = department.ValidTo, SuccessorId = department.SuccessorId,
            };
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id && await directory.FindAsync(id, cancellationToken) is null) return NotFound();
        if (ModelState.IsValid)
        {
            var (_, errors) = await service.SaveAsync(Id, Input, cancellationToken);
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            if (errors.Count == 0) return Redirect("/admin/departments");
        }
        else
        {
            // Unparseable values (e.g. a date the browser did not check) get a Japanese message, not the framework's.
            foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0).ToList())
            {
                ModelState[key]!.Errors.Clear();
                ModelState.AddModelError(key, "形式が正しくありません。");
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Candidates = (await directory.AllAsync(cancellationToken)).Where(d => d.Id != Id).ToList();
}
