using Kocho.Core.Security;

namespace Kocho.Users;

public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission ManageUsers = new("Kocho.Users.ManageUsers", "職員アカウントとロールを管理する", "Manage staff accounts and roles");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ManageUsers])];
}
