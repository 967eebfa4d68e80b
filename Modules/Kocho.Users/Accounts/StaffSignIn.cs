using Kocho.Core.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>
/// Password sign-in for staff on the staff cookie; residents and disabled accounts are refused. Every attempt is
/// audited under the login ID that was typed (never the password), with the reason of a refusal for the administrator.
/// </summary>
public sealed class StaffSignIn(SignInManager<KochoUser> signIn, UserManager<KochoUser> users, IHttpContextAccessor http, IAuditTrail audit)
{
    public enum Outcome { Succeeded, Failed, LockedOut }

    /// <summary>The entity of sign-in records: a login ID, which may or may not belong to an account.</summary>
    public const string AuditEntity = "StaffLogin";

    public async Task<Outcome> PasswordSignInAsync(string login, string password)
    {
        signIn.AuthenticationScheme = AuthenticationSchemes.Staff;
        login = login.Trim();
        var user = await users.FindByNameAsync(login);
        if (user is null || user.Kind != UserKind.Staff || user.IsDisabled)
        {
            var reason = user is null ? "unknown-login" : user.IsDisabled ? "disabled" : "not-staff";
            await audit.RecordAsync(new AuditEntry("staff.signin.failed", AuditEntity, login, "reason=" + reason));
            return Outcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditEntry("staff.signin.succeeded", AuditEntity, login),
                AuditActor.Staff(user.Id, user.UserName, user.DisplayName));
            return Outcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(new AuditEntry("staff.signin.lockedout", AuditEntity, login));
            return Outcome.LockedOut;
        }
        var failure = result.RequiresTwoFactor ? "two-factor-required" : result.IsNotAllowed ? "not-allowed" : "wrong-password";
        await audit.RecordAsync(new AuditEntry("staff.signin.failed", AuditEntity, login, "reason=" + failure));
        return Outcome.Failed;
    }

    public async Task SignOutAsync()
    {
        var context = http.HttpContext!;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(new AuditEntry("staff.signout", AuditEntity, context.User.Identity.Name));
        }
        await context.SignOutAsync(AuthenticationSchemes.Staff);
    }
}
