using Kocho.Core.Navigation;

namespace Kocho.Api;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("APIキー", "/admin/api/keys", Permissions.ManageApiKeysName, Order: 850, Group: "管理"),
        new("APIリファレンス", "/admin/api/reference", Kocho.Core.Permissions.AccessStaffSiteName, Order: 860, Group: "管理"),
    ];
}
