using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Users.Residents;

/// <summary>
/// Checks the resident session on every request, as <see cref="StaffSessionValidator"/> does for staff: a renewed
/// security stamp (sign-out, password reset, e-mail change) or a deleted or disabled account ends it at once.
/// </summary>
public static class ResidentSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<KochoUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || user.IsDisabled || user.Kind != UserKind.Resident)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthenticationSchemes.Resident);
        }
    }
}
