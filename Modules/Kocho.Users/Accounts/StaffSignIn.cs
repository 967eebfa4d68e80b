using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>
/// Staff sign-in on the staff cookie: password, then the authenticator code (or a recovery code) for members
/// with two-factor sign-in. Residents and disabled accounts are refused; failures count towards the lockout.
/// </summary>
public sealed class StaffSignIn(SignInManager<KochoUser> signIn, UserManager<KochoUser> users, IHttpContextAccessor http)
{
    public enum Outcome { Succeeded, RequiresTwoFactor, Failed, LockedOut }

    public async Task<Outcome> PasswordSignInAsync(string login, string password)
    {
        UseStaffCookie();
        var user = await users.FindByNameAsync(login.Trim());
        if (user is null || user.Kind != UserKind.Staff || user.IsDisabled)
        {
            return Outcome.Failed;
        }
        return ToOutcome(await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true));
    }

    /// <summary>The member who gave the right password and still owes the second factor (for five minutes), if any.</summary>
    public async Task<KochoUser?> TwoFactorUserAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        return user is { Kind: UserKind.Staff, IsDisabled: false } ? user : null;
    }

    public async Task<Outcome> AuthenticatorCodeSignInAsync(string code)
    {
        UseStaffCookie();
        if (await TwoFactorUserAsync() is null) return Outcome.Failed;
        return ToOutcome(await signIn.TwoFactorAuthenticatorSignInAsync(StaffTwoFactor.NormalizeCode(code), isPersistent: false, rememberClient: false));
    }

    /// <summary>Each recovery code works once.</summary>
    public async Task<Outcome> RecoveryCodeSignInAsync(string code)
    {
        UseStaffCookie();
        if (await TwoFactorUserAsync() is null) return Outcome.Failed;
        return ToOutcome(await signIn.TwoFactorRecoveryCodeSignInAsync(StaffTwoFactor.NormalizeRecoveryCode(code)));
    }

    /// <summary>Re-issues the member's own session after a change that renewed their security stamp.</summary>
    public async Task RefreshAsync(KochoUser user)
    {
        UseStaffCookie();
        await signIn.RefreshSignInAsync(user);
    }

    public async Task SignOutAsync()
    {
        await http.HttpContext!.SignOutAsync(AuthenticationSchemes.Staff);
        await http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
    }

    private void UseStaffCookie() => signIn.AuthenticationScheme = AuthenticationSchemes.Staff;

    private static Outcome ToOutcome(SignInResult result) =>
        result.Succeeded ? Outcome.Succeeded
        : result.RequiresTwoFactor ? Outcome.RequiresTwoFactor
        : result.IsLockedOut ? Outcome.LockedOut
        : Outcome.Failed;
}
