using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>
/// Staff sign-in on the staff cookie: password, then the authenticator code (or a recovery code) for members
/// with two-factor sign-in. Residents and disabled accounts are refused; failures count towards the lockout.
/// Every attempt is audited under the login ID that was typed (never the password or code), with the reason of a refusal.
/// </summary>
public sealed class StaffSignIn(SignInManager<KochoUser> signIn, UserManager<KochoUser> users, IHttpContextAccessor http, IAuditTrail audit, UnitOfWork unitOfWork)
{
    private const string AuditEntity = "StaffLogin";

    public enum Outcome { Succeeded, RequiresTwoFactor, Failed, LockedOut }

    public async Task<Outcome> PasswordSignInAsync(string login, string password)
    {
        UseStaffCookie();
        login = login.Trim();
        var user = await users.FindByNameAsync(login);
        if (user is null || user.Kind != UserKind.Staff || user.IsDisabled)
        {
            var reason = user is null ? "unknown-login" : user.IsDisabled ? "disabled" : "not-staff";
            await audit.RecordAsync(new AuditEntry("staff.signin.failed", AuditEntity, login, "reason=" + reason));
            return Outcome.Failed;
        }
        return await AuditedAsync(user, "password", await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true));
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
        if (await TwoFactorUserAsync() is not { } user) return Outcome.Failed;
        return await AuditedAsync(user, "authenticator", await signIn.TwoFactorAuthenticatorSignInAsync(StaffTwoFactor.NormalizeCode(code), isPersistent: false, rememberClient: false));
    }

    /// <summary>Each recovery code works once.</summary>
    public async Task<Outcome> RecoveryCodeSignInAsync(string code)
    {
        UseStaffCookie();
        if (await TwoFactorUserAsync() is not { } user) return Outcome.Failed;
        return await AuditedAsync(user, "recovery-code", await signIn.TwoFactorRecoveryCodeSignInAsync(StaffTwoFactor.NormalizeRecoveryCode(code)));
    }

    /// <summary>Re-issues the member's own session after a change that renewed their security stamp.</summary>
    public async Task RefreshAsync(KochoUser user)
    {
        UseStaffCookie();
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>
    /// Ends the session for good: the security stamp is renewed, so a copy of the cookie replayed later is refused by
    /// <see cref="StaffSessionValidator"/> (the member's sessions in other browsers end with it).
    /// </summary>
    public async Task SignOutAsync()
    {
        var context = http.HttpContext!;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(context.User);
            await unitOfWork.ExecuteAsync(async ct =>
            {
                if (user is not null) await users.UpdateSecurityStampAsync(user);
                await audit.RecordAsync(new AuditEntry("staff.signout", AuditEntity, context.User.Identity.Name), ct);
            });
        }
        await http.HttpContext!.SignOutAsync(AuthenticationSchemes.Staff);
        await http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
    }

    private async Task<Outcome> AuditedAsync(KochoUser user, string step, SignInResult result)
    {
        var outcome = ToOutcome(result);
        var login = user.UserName;
        switch (outcome)
        {
            case Outcome.Succeeded:
                await audit.RecordAsync(new AuditEntry("staff.signin.succeeded", AuditEntity, login, step == "password" ? null : "step=" + step),
                    AuditActor.Staff(user.Id, user.UserName, user.DisplayName));
                break;
            case Outcome.RequiresTwoFactor:
                await audit.RecordAsync(new AuditEntry("staff.signin.password-accepted", AuditEntity, login, "two-factor pending"));
                break;
            case Outcome.LockedOut:
                await audit.RecordAsync(new AuditEntry("staff.signin.lockedout", AuditEntity, login, "step=" + step));
                break;
            default:
                var reason = result.IsNotAllowed ? "not-allowed" : step == "password" ? "wrong-password" : "wrong-" + step;
                await audit.RecordAsync(new AuditEntry("staff.signin.failed", AuditEntity, login, "reason=" + reason));
                break;
        }
        return outcome;
    }

    private void UseStaffCookie() => signIn.AuthenticationScheme = AuthenticationSchemes.Staff;

    private static Outcome ToOutcome(SignInResult result) =>
        result.Succeeded ? Outcome.Succeeded
        : result.RequiresTwoFactor ? Outcome.RequiresTwoFactor
        : result.IsLockedOut ? Outcome.LockedOut
        : Outcome.Failed;
}
