using Kocho.Core.Security;

namespace Kocho.Privacy.Incidents;

/// <summary>Every staff role may report a suspected incident; administrators read the reports.</summary>
public sealed class IncidentPermissions : IPermissionProvider
{
    public const string ReportName = "Kocho.Privacy.ReportIncident";
    public const string ViewName = "Kocho.Privacy.ViewIncidents";

    public static readonly Permission Report = new(ReportName, "個人情報の事故を報告する", "Report a personal-data incident");
    public static readonly Permission View = new(ViewName, "事故報告を閲覧する", "View incident reports");

    public IEnumerable<Permission> GetPermissions() => [Report, View];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, [Report, View]),
        (StandardRoles.PublicHearing, [Report]),
        (StandardRoles.CallCenter, [Report]),
        (StandardRoles.DepartmentStaff, [Report]),
        (StandardRoles.Approver, [Report]),
    ];
}
