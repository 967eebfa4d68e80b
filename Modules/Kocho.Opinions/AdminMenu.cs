using Kocho.Core.Navigation;

namespace Kocho.Opinions;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("意見等", "/admin/opinions", Permissions.ViewCasesName, Order: 100),
        new("意見等の受付", "/admin/opinions/new", Permissions.IntakeName, Order: 101),
        new("コールセンターの問合せ", "/admin/opinions/call", Permissions.LogCallsName, Order: 102),
        new("処理履歴の検索", "/admin/opinions/history", Permissions.ViewCasesName, Order: 103),
        new("意見等の検索", "/admin/opinions/search", Permissions.ViewCasesName, Order: 104),
    ];
}
