using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Residents;

/// <summary>Resident sign-in on the public site's own cookie; unverified or unknown addresses fail alike.</summary>
public sealed class ResidentSignIn(SignInManager<KochoUser> signIn, UserManager<KochoUser> users, ResidentAccounts accounts, IAuditTrail audit, IHttpContextAccessor http, UnitOfWork unitOfWork)
{
    public enum Outcome { Succeeded, Failed, LockedOut }

    public async Task<Outcome> PasswordSignInAsync(string normalizedEmail, string password, CancellationToken cancellationToken = default)
    {
        signIn.AuthenticationScheme = AuthenticationSchemes.Resident;
        var found = await accounts.FindByEmailAsync(normalizedEmail, cancellationToken);
        if (found is not { } account || !account.User.EmailConfirmed || account.User.IsDisabled)
        {
            await audit.RecordAsync(new AuditEntry("resident.signin.failed", "Resident", found?.User.Id), cancellationToken);
            return Outcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(account.User, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? Outcome.Succeeded : result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        await audit.RecordAsync(new AuditEntry(outcome switch
        {
            Outcome.Succeeded => "resident.signin.succeeded",
            Outcome.LockedOut => "resident.signin.lockedout",
            _ => "resident.signin.failed",
        }, "Resident", account.User.Id), cancellationToken);
        return outcome;
    }

    /// <summary>Ends the session for good: the renewed security stamp makes a replayed copy of the cookie worthless (<see cref="ResidentSessionValidator"/>).</summary>
    public async Task SignOutAsync()
    {
        var context = http.HttpContext!;
        var result = await context.AuthenticateAsync(AuthenticationSchemes.Resident);
        if (result.Principal is { } principal && await users.GetUserAsync(principal) is { Kind: UserKind.Resident } user)
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                await users.UpdateSecurityStampAsync(user);
                await audit.RecordAsync(new AuditEntry("resident.signout", "Resident", user.Id), ct);
            });
        }
        await context.SignOutAsync(AuthenticationSchemes.Resident);
    }
}
