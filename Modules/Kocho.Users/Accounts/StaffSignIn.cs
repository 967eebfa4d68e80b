using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>Password sign-in for staff on the staff cookie; residents and disabled accounts are refused.</summary>
public sealed class StaffSignIn(SignInManager<KochoUser> signIn, UserManager<KochoUser> users, IHttpContextAccessor http)
{
    public enum Outcome { Succeeded, Failed, LockedOut }

    public async Task<Outcome> PasswordSignInAsync(string login, string password)
    {
        signIn.AuthenticationScheme = AuthenticationSchemes.Staff;
        var user = await users.FindByNameAsync(login.Trim());
        if (user is null || user.Kind != UserKind.Staff || user.IsDisabled)
        {
            return Outcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? Outcome.Succeeded : result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
    }

    public async Task SignOutAsync()
    {
        await http.HttpContext!.SignOutAsync(AuthenticationSchemes.Staff);
    }
}
