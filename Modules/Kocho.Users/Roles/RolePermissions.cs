using System.Security.Claims;
using Kocho.Core.Audit;
using Kocho.Core.Security;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Roles;

/// <summary>Creates roles and grants permissions as role claims; granting twice is harmless. Each change is audited.</summary>
public sealed class RolePermissions(RoleManager<KochoRole> roles, PermissionRegistry registry, IAuditTrail audit)
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

    /// <summary>Every role, by name.</summary>
    public async Task<IReadOnlyList<KochoRole>> AllRolesAsync(CancellationToken cancellationToken = default) =>
        await roles.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> PermissionsOfAsync(KochoRole role) =>
        (await roles.GetClaimsAsync(role)).Where(c => c.Type == StandardRoles.PermissionClaim).Select(c => c.Value).ToList();

    /// <summary>
    /// The roles page: the role now holds exactly <paramref name="granted"/> among the permissions of enabled
    /// modules; what it holds from disabled modules is kept for when they are enabled again. The Administrator
    /// role always holds every permission and is not edited. Members see the change at their next request.
    /// </summary>
    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> SetEnabledPermissionsAsync(string roleName, IReadOnlyCollection<string> granted)
    {
        var role = await roles.FindByNameAsync(roleName) ?? throw new AccountException($"ロール「{roleName}」はありません。");
        if (role.Name == StandardRoles.Administrator)
        {
            throw new AccountException("システム管理者ロールは常にすべての権限を持つため、変更できません。");
        }
        var enabled = registry.Enabled().Select(p => p.Permission.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = granted.Where(p => !enabled.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new AccountException($"権限 {string.Join(", ", unknown)} は有効な機能の権限ではありません。");
        }
        var claims = (await roles.GetClaimsAsync(role)).Where(c => c.Type == StandardRoles.PermissionClaim).ToList();
        var removed = claims.Where(c => enabled.Contains(c.Value) && !granted.Contains(c.Value)).ToList();
        foreach (var claim in removed)
        {
            Check(await roles.RemoveClaimAsync(role, claim));
            await audit.RecordAsync(new AuditEntry("role.permission.revoked", "Role", role.Name, claim.Value));
        }
        var held = claims.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var added = granted.Distinct().Where(p => !held.Contains(p)).ToList();
        foreach (var permission in added)
        {
            Check(await roles.AddClaimAsync(role, new Claim(StandardRoles.PermissionClaim, permission)));
            await audit.RecordAsync(new AuditEntry("role.permission.granted", "Role", role.Name, permission));
        }
        return (added, removed.Select(c => c.Value).ToList());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
