using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.ProhibitedTerms;
using Kocho.Opinions.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>コールセンター: the operator logs a call they could not answer and forwards it with 回答要望 and the callback number.</summary>
[Authorize(Policy = Permissions.LogCallsName)]
public sealed class CallModel(IntakeService intake, DepartmentDirectory departments, ProhibitedTermGuard guard, IAuditTrail audit, UnitOfWork unitOfWork, TimeProvider clock) : OpinionPageModel(departments)
{
    [BindProperty] public StaffFormInput Input { get; set; } = new() { Kind = Cases.CaseKind.Inquiry };

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        if (await AsksToConfirmAsync(guard, "call", [Input.Subject, Input.Body, Input.ForwardComment], cancellationToken)) return Page();
        var request = Input.ToRequest([]);
        var result = await unitOfWork.ExecuteAsync(async ct =>
        {
            var logged = await intake.LogCallAsync(Actor, request, ct);
            if (logged.Succeeded) await RecordConfirmationAsync(audit, logged.CaseId, ct);
            return logged;
        }, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors) ModelState.AddModelError("Input." + field, message);
            return Page();
        }
        TempData["Notice"] = $"受付番号 {result.ReceiptNumber} で記録し、転送しました。";
        return Redirect($"/admin/opinions/{result.CaseId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = JapanTime.Today(clock);
        await LoadDepartmentsAsync(cancellationToken);
    }
}
