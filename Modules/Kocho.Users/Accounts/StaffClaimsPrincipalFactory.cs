using System.Security.Claims;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kocho.Users.Accounts;

/// <summary>Puts the staff member's name and 所属 into the sign-in cookie beside the role permissions.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<KochoUser> users, RoleManager<KochoRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<KochoUser, KochoRole>(users, roles, options)
{
    public const string NameClaim = "kocho:name";
    public const string DepartmentClaim = "kocho:department";
    public const string KindClaim = "kocho:kind";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KochoUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NameClaim, user.DisplayName));
        identity.AddClaim(new Claim(KindClaim, user.Kind.ToString()));
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(DepartmentClaim, department.ToString()));
        }
        return identity;
    }
}
