using Kocho.Core.Navigation;

namespace Kocho.Alerts;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        // Every signed-in staff member has an inbox.
        new("アラート", "/admin/alerts", Kocho.Core.Permissions.AccessStaffSiteName, Order: 50),
        new("アラートの受け取り方", "/admin/alerts/preferences", Kocho.Core.Permissions.AccessStaffSiteName, Order: 970, Group: "アカウント"),
        new("アラート送信ルール", "/admin/alerts/rules", Permissions.ManageAlertRulesName, Order: 830, Group: "管理"),
    ];
}
