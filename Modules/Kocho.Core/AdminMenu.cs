using Kocho.Core.Navigation;

namespace Kocho.Core;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("ホーム", "/admin", Permissions.AccessStaffSite.Name, Order: 0),
        new("所属", "/admin/departments", Permissions.ManageDepartmentsName, Order: 820, Group: "管理"),
        new("検索の同義語", "/admin/search/synonyms", Permissions.ManageSearchName, Order: 870, Group: "管理"),
        new("業務日カレンダー", "/admin/calendar", Permissions.AccessStaffSite.Name, Order: 850, Group: "管理"),
        new("機能管理", "/admin/modules", Permissions.ManageModules.Name, Order: 900, Group: "管理"),
        new("監査証跡", "/admin/audit", Permissions.ViewAuditTrail.Name, Order: 950, Group: "管理"),
    ];
}
