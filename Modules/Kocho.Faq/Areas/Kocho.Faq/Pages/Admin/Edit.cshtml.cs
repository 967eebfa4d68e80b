using Kocho.Core.Calendar;
using Kocho.Core.Categories;
using Kocho.Core.Departments;
using Kocho.Faq.Approval;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>FAQの作成・編集: saves a draft version (a published entry stays live until the new version is approved).</summary>
[Authorize(Policy = Permissions.EditFaqName)]
public sealed class EditModel(FaqService faq, FaqDbContext db, FaqNames names, FaqAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Number { get; set; }

    [BindProperty]
    public FaqInput Input { get; set; } = new();

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<string> FormErrors { get; } = [];

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = FaqActor.From(User);
        if (Number is { } number)
        {
            var entry = await faq.FindInScopeAsync(number, actor, cancellationToken);
            if (entry is null || !await access.CanEditAsync(actor, entry.OwnerDepartmentId, cancellationToken)) return NotFound();
            var versionId = entry.WorkingVersionId ?? entry.PublishedVersionId;
            var version = versionId is { } id ? await db.Versions.AsNoTracking().FirstAsync(v => v.Id == id, cancellationToken)
                : await db.Versions.AsNoTracking().Where(v => v.EntryId == entry.Id).OrderByDescending(v => v.VersionNumber).FirstAsync(cancellationToken);
            Input = FaqInput.From(version, await names.CategoryCodeAsync(version.CategoryId, cancellationToken), await names.DepartmentCodeAsync(entry.OwnerDepartmentId, cancellationToken));
        }
        else if (actor.DepartmentId is { } own)
        {
            var ownDepartments = await access.OwnDepartmentsAsync(actor, cancellationToken);
            var all = await names.DepartmentsAsync(cancellationToken);
            Input.Department = ownDepartments.Select(id => all.GetValueOrDefault(id)).FirstOrDefault(d => d?.Level == DepartmentLevel.Section)?.Code ?? all.GetValueOrDefault(own)?.Code;
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = FaqActor.From(User);
        try
        {
            if (Number is { } number)
            {
                await faq.SaveDraftAsync(number, Input, actor, cancellationToken);
                return Redirect($"/admin/faq/{number}?done=saved");
            }
            var entry = await faq.CreateAsync(Input, actor, cancellationToken);
            return Redirect($"/admin/faq/{entry.Number}?done=created");
        }
        catch (FaqValidationException ex)
        {
            Errors = ex.Errors;
        }
        catch (FaqWorkflowException ex)
        {
            FormErrors.Add(ex.Message);
        }
        catch (FaqNotFoundException)
        {
            return NotFound();
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = FaqActor.From(User);
        var today = JapanTime.Today(clock);
        Categories = OrderTree((await names.CategoriesAsync(cancellationToken)).Values.ToList());
        var scope = await access.ScopeAsync(actor, cancellationToken);
        Departments = (await names.DepartmentsAsync(cancellationToken)).Values
            .Where(d => (scope is null || scope.Contains(d.Id)) && d.Level != DepartmentLevel.Division && (d.IsActiveOn(today) || d.Code == Input.Department))
            .OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        return Page();
    }

    private static List<Category> OrderTree(List<Category> all) =>
        all.Where(c => c.ParentId is null).OrderBy(c => c.SortOrder)
            .SelectMany(top => new[] { top }.Concat(all.Where(c => c.ParentId == top.Id).OrderBy(c => c.SortOrder))).ToList();
}
