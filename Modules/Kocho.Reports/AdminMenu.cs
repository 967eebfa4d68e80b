using Kocho.Core.Navigation;

namespace Kocho.Reports;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("統計・分析", "/admin/reports", Permissions.ViewReportsName, Order: 300),
    ];
}
