using Kocho.Users.Accounts;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>Base of the signed-in resident's pages (マイページ).</summary>
[Authorize(Policy = ResidentPolicy.Name)]
public abstract class ResidentPageModel(UserManager<KochoUser> users, ResidentAccounts accounts) : PageModel
{
    protected ResidentAccounts Accounts { get; } = accounts;

    protected async Task<(KochoUser User, ResidentProfile Profile)?> CurrentAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.Kind != UserKind.Resident) return null;
        var profile = await Accounts.ProfileOfAsync(user.Id, cancellationToken);
        return profile is null ? null : (user, profile);
    }
}
