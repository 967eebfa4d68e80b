using System.Security.Claims;
using Kocho.Core.Security;
using Kocho.Users.Roles;
using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kocho.Users.Accounts;

/// <summary>
/// Builds the staff session: name and 所属 beside the role permissions. Administrators hold every
/// permission whatever their role's stored list says; a member with a <see cref="PendingStep"/> holds none.
/// </summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<KochoUser> users, RoleManager<KochoRole> roles, IOptions<IdentityOptions> options,
    PermissionRegistry registry, TwoFactorPolicy twoFactorPolicy)
    : UserClaimsPrincipalFactory<KochoUser, KochoRole>(users, roles, options)
{
    public const string NameClaim = StaffPrincipal.NameClaim;
    public const string DepartmentClaim = StaffPrincipal.DepartmentClaim;
    public const string KindClaim = StaffPrincipal.KindClaim;

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KochoUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NameClaim, user.DisplayName));
        identity.AddClaim(new Claim(KindClaim, user.Kind.ToString()));
        if (user.DepartmentId is { } department)
        {
            identity.AddClaim(new Claim(DepartmentClaim, department.ToString()));
        }
        var roleNames = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value).ToList();
        if (roleNames.Contains(StandardRoles.Administrator))
        {
            var held = identity.FindAll(StandardRoles.PermissionClaim).Select(c => c.Value).ToHashSet();
            foreach (var permission in registry.All().Select(p => p.Permission.Name).Where(held.Add))
            {
                identity.AddClaim(new Claim(StandardRoles.PermissionClaim, permission));
            }
        }

        var pending = user.MustChangePassword ? PendingStep.ChangePassword
            : !user.TwoFactorEnabled && await twoFactorPolicy.IsRequiredForAsync(roleNames) ? PendingStep.EnrolTwoFactor
            : PendingStep.None;
        if (pending != PendingStep.None)
        {
            foreach (var claim in identity.FindAll(StandardRoles.PermissionClaim).ToList())
            {
                identity.RemoveClaim(claim);
            }
            identity.AddClaim(new Claim(PendingSteps.Claim, pending.ToString()));
        }
        return identity;
    }
}
