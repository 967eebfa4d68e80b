using Kocho.Core.Navigation;

namespace Kocho.Users;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
        [new("職員・ロール", "/admin/users", Permissions.ManageUsers.Name, Order: 800, Group: "管理")];
}
