using System.ComponentModel.DataAnnotations;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin;

/// <summary>Second sign-in step for members with two-factor sign-in: the code the authenticator app shows now.</summary>
[AllowAnonymous]
public sealed class LoginTwoFactorModel(StaffSignIn signIn, IStringLocalizer T) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "認証アプリに表示されている6桁の確認コードを入力してください。")]
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
        switch (await signIn.AuthenticatorCodeSignInAsync(Input.Code))
        {
            case StaffSignIn.Outcome.Succeeded:
                return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
            case StaffSignIn.Outcome.LockedOut:
                Message = T["確認に続けて失敗したため、アカウントを一時的にロックしました。15分後にもう一度お試しください。"];
                return Page();
            default:
                Message = T["確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。"];
                return Page();
        }
    }
}
