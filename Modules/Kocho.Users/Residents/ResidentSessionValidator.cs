using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kocho.Users.Residents;

/// <summary>
/// Checks the resident session on every request, as <see cref="StaffSessionValidator"/> does for staff: a renewed
/// security stamp (sign-out, password reset, e-mail change) or a deleted or disabled account ends it at once.
/// </summary>
public static class ResidentSessionValidator
{
    public static Task ValidateAsync(CookieValidatePrincipalContext context) =>
        StaffSessionValidator.CurrentUserAsync(context, UserKind.Resident, AuthenticationSchemes.Resident);
}
