namespace Kocho.Core.Security;

/// <summary>A module's <c>Permissions.cs</c>: what it declares and which default roles get what.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> GetPermissions();

    /// <summary>Role name → permissions granted to it when the module is enabled.</summary>
    IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles();
}
