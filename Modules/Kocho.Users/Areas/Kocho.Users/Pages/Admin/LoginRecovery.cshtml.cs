using System.ComponentModel.DataAnnotations;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin;

/// <summary>Second sign-in step with one of the recovery codes, for a member without their authenticator app.</summary>
[AllowAnonymous]
public sealed class LoginRecoveryModel(StaffSignIn signIn, IStringLocalizer T) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "回復コードを入力してください。")]
        public string Code { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.TwoFactorUserAsync() is null ? RedirectToPage("/Admin/Login", new { returnUrl = ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.TwoFactorUserAsync() is null)
        {
            return RedirectToPage("/Admin/Login", new { returnUrl = ReturnUrl });
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await signIn.RecoveryCodeSignInAsync(Input.Code))
        {
            case StaffSignIn.Outcome.Succeeded:
                return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
            case StaffSignIn.Outcome.LockedOut:
                Message = T["確認に続けて失敗したため、アカウントを一時的にロックしました。15分後にもう一度お試しください。"];
                return Page();
            default:
                Message = T["回復コードが正しくないか、すでに使われています。"];
                return Page();
        }
    }
}
