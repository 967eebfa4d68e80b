using System.Security.Claims;
using Kocho.Core.Audit;
using Kocho.Core.Security;
using Kocho.Privacy.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.Incidents;

/// <summary>事故報告 (特記事項 14): any staff member reports a suspected incident; the administrators are mailed at once.</summary>
[Authorize(Policy = IncidentPermissions.ReportName)]
public sealed class NewModel(IncidentReporting reporting) : PageModel
{
    [BindProperty] public IncidentKind? Kind { get; set; }
    [BindProperty] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? ActionTaken { get; set; }

    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError(nameof(Kind), "事故の種別を選んでください。");
        if (string.IsNullOrWhiteSpace(Description)) ModelState.AddModelError(nameof(Description), "何が起きたかを入力してください。");
        else if (Description.Length > IncidentReport.DescriptionLength) ModelState.AddModelError(nameof(Description), "内容は4000文字以内で入力してください。");
        if (ActionTaken?.Length > IncidentReport.DescriptionLength) ModelState.AddModelError(nameof(ActionTaken), "とった対応は4000文字以内で入力してください。");
        if (!ModelState.IsValid) return Page();
        var actor = AuditActor.FromPrincipal(User);
        await reporting.ReportAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", actor.Name, User.DepartmentId(), Kind!.Value, OccurredOn,
            Description!.Trim(), ActionTaken, cancellationToken);
        return Redirect("/admin/privacy/incidents/new?sent=true");
    }
}
