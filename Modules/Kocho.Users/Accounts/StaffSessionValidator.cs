using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Users.Accounts;

/// <summary>
/// Checks the staff session on every request: a changed security stamp (password set by an administrator,
/// account disabled) ends it at once, and the roles, permissions and pending step in the session are
/// always read afresh, so a change to a role applies from the member's next request.
/// </summary>
public static class StaffSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await CurrentUserAsync(context, UserKind.Staff, AuthenticationSchemes.Staff) is not { } user) return;
        // The cookie keeps its original claims (it is renewed only by sliding expiration); this request uses the current ones.
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<KochoUser>>();
        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
    }

    /// <summary>
    /// The session's account when its security stamp still holds and it is an enabled account of <paramref name="kind"/>;
    /// otherwise the session is ended (signed out of <paramref name="scheme"/>) and null returned. Residents' sessions use it too.
    /// </summary>
    public static async Task<KochoUser?> CurrentUserAsync(CookieValidatePrincipalContext context, UserKind kind, string scheme)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<KochoUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is not null && !user.IsDisabled && user.Kind == kind) return user;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(scheme);
        return null;
    }
}
