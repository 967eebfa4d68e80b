using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Categories;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.ProhibitedTerms;
using Kocho.Opinions.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>
/// 意見等の入力 by the public-hearing section: letters, postcards to the mayor, e-mail, phone, FAX and visits, with scans
/// attached and the date the mail actually arrived; optionally forwarded at once.
/// </summary>
[Authorize(Policy = Permissions.IntakeName)]
[RequestSizeLimit(FileTypes.MaxBytes * FileTypes.MaxFiles + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = FileTypes.MaxBytes * FileTypes.MaxFiles + 1024 * 1024)]
public sealed class NewModel(IntakeService intake, CoreDbContext core, DepartmentDirectory departments, ProhibitedTermGuard guard, IAuditTrail audit, UnitOfWork unitOfWork, TimeProvider clock) : OpinionPageModel(departments)
{
    [BindProperty] public StaffFormInput Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.ReceivedOn = Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        var uploads = new List<AttachmentUpload>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            if (file.Length > FileTypes.MaxBytes)
            {
                ModelState.AddModelError("Input.Attachments", $"添付ファイル「{Path.GetFileName(file.FileName)}」が10MBを超えています。");
                continue;
            }
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancellationToken);
            uploads.Add(new AttachmentUpload(file.FileName, stream.ToArray()));
        }
        if (!ModelState.IsValid) return Page();
        if (await AsksToConfirmAsync(guard, "intake", [Input.Subject, Input.Body, Input.ForwardComment], cancellationToken)) return Page();
        var result = await unitOfWork.ExecuteAsync(async ct =>
        {
            var registered = await intake.RegisterAsync(Actor, Input.ToRequest(uploads), ct);
            if (registered.Succeeded) await RecordConfirmationAsync(audit, registered.CaseId, ct);
            return registered;
        }, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError("Input." + field, message);
            return Page();
        }
        TempData["Notice"] = $"受付番号 {result.ReceiptNumber} で受け付けました。";
        return Redirect($"/admin/opinions/{result.CaseId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = JapanTime.Today(clock);
        await LoadDepartmentsAsync(cancellationToken);
        Categories = await core.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
    }
}
