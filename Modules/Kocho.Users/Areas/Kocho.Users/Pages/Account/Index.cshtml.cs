using Kocho.Users.Accounts;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>マイページ: what is held about the resident, and the ways to change or delete it.</summary>
public sealed class IndexModel(UserManager<KochoUser> users, ResidentAccounts accounts) : ResidentPageModel(users, accounts)
{
    public ResidentProfile Profile { get; private set; } = null!;

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        Profile = current.Profile;
        return Page();
    }
}
