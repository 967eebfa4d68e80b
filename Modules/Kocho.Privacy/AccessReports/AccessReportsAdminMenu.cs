using Kocho.Core.Navigation;

namespace Kocho.Privacy.AccessReports;

public sealed class AccessReportsAdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("アクセス記録", "/admin/privacy/access", AccessReportPermissions.ViewName, Order: 905),
    ];
}
