using Kocho.Users.Accounts;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>Deleting the account erases its personal data; the password is asked again.</summary>
public sealed class DeleteModel(UserManager<KochoUser> users, ResidentAccounts accounts, ResidentSignIn signIn) : ResidentPageModel(users, accounts)
{
    [BindProperty] public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await CurrentAsync(cancellationToken) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        ModelState.Clear();
        if (string.IsNullOrEmpty(Password) || !await Accounts.DeleteAsync(current.User, Password, cancellationToken))
        {
            ModelState.AddModelError(nameof(Password), "パスワードが正しくありません。");
            return Page();
        }
        await signIn.SignOutAsync();
        return Redirect("/account/deleted");
    }
}
