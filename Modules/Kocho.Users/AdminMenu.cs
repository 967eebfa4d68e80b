using Kocho.Core.Navigation;

namespace Kocho.Users;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("職員", "/admin/users", Permissions.ManageUsersName, Order: 800, Group: "管理"),
        new("ロールと権限", "/admin/roles", Permissions.ManageUsersName, Order: 810, Group: "管理"),
        // Every signed-in staff member, also while a sign-in step is pending.
        new("パスワード変更", "/admin/account/password", null, Order: 950, Group: "アカウント"),
        new("2段階認証", "/admin/account/two-factor", null, Order: 960, Group: "アカウント"),
    ];
}
