using Kocho.Core.Web.RateLimiting;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>利用者登録: purpose of use and consent, the seed's items, then a mailed link to verify the address.</summary>
[AllowAnonymous]
[RateLimited(RateLimitPolicies.Registration)]
public sealed class RegisterModel(ResidentAccounts accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Consent { get; set; }
    [BindProperty] public ResidentForm Form { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var email = ResidentDetails.Email(Email, out var emailError);
        if (emailError is not null) ModelState.AddModelError(nameof(Email), emailError);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "パスワードを入力してください。");
        if (!Consent) ModelState.AddModelError(nameof(Consent), "個人情報の利用目的への同意が必要です。");
        var (details, errors) = Form.Check();
        foreach (var (field, message) in errors) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        if (!ModelState.IsValid) return Page();

        var passwordErrors = await accounts.RegisterAsync(email!, Password!, details!, cancellationToken);
        if (passwordErrors.Count > 0)
        {
            ModelState.AddModelError(nameof(Password), string.Join(" ", passwordErrors));
            return Page();
        }
        return Redirect("/account/register/sent");
    }
}
