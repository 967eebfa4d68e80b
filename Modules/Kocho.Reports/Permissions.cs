using Kocho.Core.Security;

namespace Kocho.Reports;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewReportsName = "Kocho.Reports.ViewReports";

    public static readonly Permission ViewReports = new(ViewReportsName, "統計・分析を閲覧する", "View statistics and analysis");

    public IEnumerable<Permission> GetPermissions() => [ViewReports];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ViewReports]), (StandardRoles.PublicHearing, [ViewReports]), (StandardRoles.DepartmentStaff, [ViewReports]), (StandardRoles.Approver, [ViewReports])];
}
