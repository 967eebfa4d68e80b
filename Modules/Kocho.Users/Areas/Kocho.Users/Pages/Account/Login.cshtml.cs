using Kocho.Core.Web.RateLimiting;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>Resident sign-in; the message is the same whether the address is unknown, unverified or the password wrong.</summary>
[AllowAnonymous]
[RateLimited(RateLimitPolicies.SignIn)]
public sealed class LoginModel(ResidentSignIn signIn, IStringLocalizer T) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Message { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var email = ResidentDetails.Email(Email, out var emailError);
        if (emailError is not null) ModelState.AddModelError(nameof(Email), emailError);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "パスワードを入力してください。");
        if (!ModelState.IsValid) return Page();
        switch (await signIn.PasswordSignInAsync(email!, Password!, cancellationToken))
        {
            case ResidentSignIn.Outcome.Succeeded:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/account");
            case ResidentSignIn.Outcome.LockedOut:
            default:
                // Locked or not, the same words: a lockout must not tell that the account exists.
                Message = T["メールアドレスまたはパスワードが正しくないか、メールアドレスの確認が済んでいません。"] + " " + T["続けて失敗すると、しばらくログインできなくなります。その場合は15分後にもう一度お試しください。"];
                return Page();
        }
    }
}
