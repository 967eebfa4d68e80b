using Kocho.Core.Web.RateLimiting;
using Kocho.Users.Accounts;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>Changing the ID: the new address is verified again before it replaces the old one.</summary>
[RateLimited(RateLimitPolicies.PasswordReset)]
public sealed class EmailModel(UserManager<KochoUser> users, ResidentAccounts accounts) : ResidentPageModel(users, accounts)
{
    [BindProperty] public string? NewEmail { get; set; }
    [BindProperty] public string? Password { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await CurrentAsync(cancellationToken) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        ModelState.Clear();
        var email = ResidentDetails.Email(NewEmail, out var error);
        if (error is not null) ModelState.AddModelError(nameof(NewEmail), error);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "パスワードを入力してください。");
        if (!ModelState.IsValid) return Page();
        if (await Accounts.RequestEmailChangeAsync(current.User, email!, Password!, cancellationToken) is { } refusal)
        {
            ModelState.AddModelError(nameof(Password), refusal);
            return Page();
        }
        Notice = "新しいメールアドレスに確認メールをお送りしました。メールのリンクを開くと変更が完了します。";
        return Redirect("/account");
    }
}
