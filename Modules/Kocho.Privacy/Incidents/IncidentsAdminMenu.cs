using Kocho.Core.Navigation;

namespace Kocho.Privacy.Incidents;

public sealed class IncidentsAdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("事故報告", "/admin/privacy/incidents/new", IncidentPermissions.ReportName, Order: 910),
        new("事故報告の一覧", "/admin/privacy/incidents", IncidentPermissions.ViewName, Order: 911),
    ];
}
