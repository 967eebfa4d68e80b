using System.ComponentModel.DataAnnotations;
using Kocho.Core.Web.RateLimiting;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin;

/// <summary>Staff sign-in (staff listener only). Failure messages never tell whether the login ID exists.</summary>
[AllowAnonymous]
[RateLimited(RateLimitPolicies.SignIn)]
public sealed class LoginModel(StaffSignIn signIn, IStringLocalizer T) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "ログインIDを入力してください。")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "パスワードを入力してください。")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await signIn.PasswordSignInAsync(Input.Login, Input.Password))
        {
            case StaffSignIn.Outcome.Succeeded:
                return LocalRedirect(SafeReturnUrl(Url, ReturnUrl));
            case StaffSignIn.Outcome.RequiresTwoFactor:
                return RedirectToPage("/Admin/LoginTwoFactor", new { returnUrl = ReturnUrl });
            case StaffSignIn.Outcome.LockedOut:
            default:
                // Locked or not, the same words: a lockout must not tell that the account exists.
                Message = T["ログインIDまたはパスワードが正しくありません。"] + " " + T["続けて失敗すると、しばらくログインできなくなります。その場合は15分後にもう一度お試しください。"];
                return Page();
        }
    }

    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/admin", StringComparison.Ordinal) ? returnUrl : "/admin";
}
