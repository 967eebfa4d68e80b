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
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<KochoUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || user.IsDisabled || user.Kind != UserKind.Staff)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthenticationSchemes.Staff);
            return;
        }
        // The cookie keeps its original claims (it is renewed only by sliding expiration); this request uses the current ones.
        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
    }
}
