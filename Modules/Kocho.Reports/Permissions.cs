using Kocho.Core.Security;

namespace Kocho.Reports;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewReportsName = "Kocho.Reports.ViewReports";
    public const string ViewAllDepartmentsName = "Kocho.Reports.ViewAllDepartments";
    public const string ExportName = "Kocho.Reports.Export";
    public const string ExportPersonalDataName = "Kocho.Reports.ExportPersonalData";

    public static readonly Permission ViewReports = new(ViewReportsName, "統計・分析を閲覧する", "View statistics and analysis");
    public static readonly Permission ViewAllDepartments = new(ViewAllDepartmentsName, "全所属の統計を閲覧する", "View statistics of every department");
    public static readonly Permission Export = new(ExportName, "CSVを出力する", "Export CSV");
    public static readonly Permission ExportPersonalData = new(ExportPersonalDataName, "個人情報を含むCSVを出力する", "Export CSV with personal data");

    public IEnumerable<Permission> GetPermissions() => [ViewReports, ViewAllDepartments, Export, ExportPersonalData];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, GetPermissions()),
        (StandardRoles.PublicHearing, [ViewReports, ViewAllDepartments, Export, ExportPersonalData]),
        (StandardRoles.DepartmentStaff, [ViewReports, Export]),
        (StandardRoles.Approver, [ViewReports, Export]),
    ];
}
