using System.Security.Claims;
using Kocho.Core.Audit;
using Kocho.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Roles;

/// <summary>Creates roles and grants permissions as role claims; granting twice is harmless. Each grant is audited.</summary>
public sealed class RolePermissions(RoleManager<KochoRole> roles, IAuditTrail audit)
{
    public async Task<KochoRole> EnsureRoleAsync(string name, CancellationToken cancellationToken = default)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is not null) return role;
        role = new KochoRole(name) { DisplayName = name };
        Check(await roles.CreateAsync(role));
        return role;
    }

    public async Task GrantAsync(KochoRole role, IEnumerable<string> permissions)
    {
        var held = (await roles.GetClaimsAsync(role)).Where(c => c.Type == StandardRoles.PermissionClaim).Select(c => c.Value).ToHashSet();
        foreach (var permission in permissions.Where(p => !held.Contains(p)).Distinct())
        {
            Check(await roles.AddClaimAsync(role, new Claim(StandardRoles.PermissionClaim, permission)));
            await audit.RecordAsync(new AuditEntry("role.permission.granted", "Role", role.Name, permission));
        }
    }

    public async Task<IReadOnlyList<string>> PermissionsOfAsync(KochoRole role) =>
        (await roles.GetClaimsAsync(role)).Where(c => c.Type == StandardRoles.PermissionClaim).Select(c => c.Value).ToList();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
