using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Kocho.Core.Residents;
using Kocho.Core.Security;
using Kocho.Core.Web.RateLimiting;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Intake;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Opinions;

/// <summary>
/// 区民等からのWebフォーム: purpose of use, the form, a confirmation page, then the 受付番号 and access code (shown once).
/// Signed-in residents send with their registered details; guests give contact details or send anonymously.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimitPolicies.PublicForm)]
public sealed class NewModel(IntakeService intake, DepartmentDirectory departments, IResidentDirectory residents, TimeProvider clock) : PageModel
{
    public const string Purpose =
        "お寄せいただいた個人情報（氏名、メールアドレス、郵便番号、住所、電話番号）は、ご意見・お問い合わせへの回答と、内容の確認のためのご連絡にのみ利用します。" +
        "ご意見の内容は、回答のために区の担当課に伝えます。法令に基づく場合を除き、ご本人の同意なく第三者に提供することはありません。情報は暗号化して保管します。";

    [BindProperty] public WebFormInput Input { get; set; } = new();

    public string Step { get; private set; } = "form";
    public IReadOnlyList<Department> Sections { get; private set; } = [];
    public ResidentContact? Resident { get; private set; }
    public IntakeResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new WebFormInput { FormToken = Guid.NewGuid().ToString("N") };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!await CheckAsync(cancellationToken)) return Page();
        Step = "confirm";
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!await CheckAsync(cancellationToken)) return Page();
        var result = await intake.SubmitWebAsync(Input.ToRequest(ResidentUserId), cancellationToken);
        if (!result.Succeeded)
        {
            Errors(result.Errors);
            return Page();
        }
        Result = result;
        Step = "done";
        return Page();
    }

    public string? DepartmentName(Guid? id) => Sections.FirstOrDefault(d => d.Id == id)?.Name;

    private string? ResidentUserId =>
        User.Identity?.IsAuthenticated == true && User.FindFirst(StaffPrincipal.KindClaim)?.Value == "Resident"
            ? User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            : null;

    private async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!string.IsNullOrEmpty(Input.Website))
        {
            ModelState.AddModelError("", "送信できませんでした。入力内容をご確認ください。");
            return false;
        }
        if (string.IsNullOrEmpty(Input.FormToken) || Input.FormToken.Length > 64) Input.FormToken = Guid.NewGuid().ToString("N");
        var request = Input.ToRequest(ResidentUserId);
        Errors(await intake.CheckWebAsync(request, cancellationToken));
        if (!ModelState.IsValid) return false;
        Input.Subject = request.Subject;
        Input.Body = request.Body;
        Input.Name = request.Name;
        Input.Email = request.Email;
        Input.PostalCode = request.PostalCode;
        Input.Address = request.Address;
        Input.Phone = request.Phone;
        return true;
    }

    private void Errors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field is "Sender" or "" ? "" : "Input." + field, message);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = JapanTime.Today(clock);
        Sections = (await departments.AllAsync(cancellationToken)).Where(d => d.Level == DepartmentLevel.Section && d.IsActiveOn(today)).ToList();
        if (ResidentUserId is { } userId) Resident = await residents.FindAsync(userId, cancellationToken);
    }
}
