using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin;

/// <summary>
/// The second sign-in step after a correct password (authenticator code or recovery code): only reachable while
/// the password step is pending, and counted towards the lockout like the password.
/// </summary>
[AllowAnonymous]
public abstract class SecondFactorPageModel(StaffSignIn signIn, IStringLocalizer T) : PageModel
{
    public sealed class InputModel
    {
        public string? Code { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    /// <summary>The Japanese field error when nothing was entered.</summary>
    protected abstract string MissingCodeMessage { get; }

    /// <summary>The Japanese message for a wrong code.</summary>
    protected abstract string WrongCodeMessage { get; }

    protected abstract Task<StaffSignIn.Outcome> SignInAsync(StaffSignIn signIn, string code);

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.TwoFactorUserAsync() is null ? RedirectToPage("/Admin/Login", new { returnUrl = ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.TwoFactorUserAsync() is null)
        {
            return RedirectToPage("/Admin/Login", new { returnUrl = ReturnUrl });
        }
        if (string.IsNullOrWhiteSpace(Input.Code))
        {
            ModelState.AddModelError("Input.Code", MissingCodeMessage);
            return Page();
        }
        switch (await SignInAsync(signIn, Input.Code))
        {
            case StaffSignIn.Outcome.Succeeded:
                return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
            case StaffSignIn.Outcome.LockedOut:
                Message = T["確認に続けて失敗したため、アカウントを一時的にロックしました。15分後にもう一度お試しください。"];
                return Page();
            default:
                Message = T[WrongCodeMessage];
                return Page();
        }
    }
}
