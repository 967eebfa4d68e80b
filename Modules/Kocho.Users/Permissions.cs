using Kocho.Core.Security;

namespace Kocho.Users;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageUsersName = "Kocho.Users.ManageUsers";

    public static readonly Permission ManageUsers = new(ManageUsersName, "職員アカウントとロールを管理する", "Manage staff accounts and roles");

    public IEnumerable<Permission> GetPermissions() => [ManageUsers];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ManageUsers])];
}
