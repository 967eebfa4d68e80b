using Kocho.Core.Modules;
using Kocho.Core.Security;

namespace Kocho.Users.Roles;

/// <summary>When a module is enabled, its default roles receive the permissions its Permissions.cs names.</summary>
public sealed class DefaultPermissionsOnEnable(PermissionRegistry registry, RolePermissions rolePermissions) : IModuleLifecycleHandler
{
    public async Task EnabledAsync(ModuleDescriptor module, CancellationToken cancellationToken)
    {
        foreach (var (roleName, permissions) in registry.DefaultsOf(module.Id))
        {
            var role = await rolePermissions.EnsureRoleAsync(roleName, cancellationToken);
            await rolePermissions.GrantAsync(role, permissions.Select(p => p.Name));
        }
    }
}
