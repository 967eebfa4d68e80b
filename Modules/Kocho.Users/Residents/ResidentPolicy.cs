using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Kocho.Users.Residents;

/// <summary>Pages of a signed-in resident: the resident cookie, and an account of kind resident.</summary>
public static class ResidentPolicy
{
    public const string Name = "Kocho.Resident.SignedIn";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Name, policy => policy
            .AddAuthenticationSchemes(AuthenticationSchemes.Resident)
            .RequireAuthenticatedUser()
            .RequireClaim(StaffClaimsPrincipalFactory.KindClaim, nameof(UserKind.Resident)));
}
