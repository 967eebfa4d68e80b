using Kocho.Core.Security;

namespace Kocho.Core;

/// <summary>Permissions of the portal foundation.</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string AccessStaffSiteName = "Kocho.Core.AccessStaffSite";
    public const string ManageModulesName = "Kocho.Core.ManageModules";
    public const string ManageCalendarName = "Kocho.Core.ManageCalendar";
    public const string ManageDepartmentsName = "Kocho.Core.ManageDepartments";
    public const string ViewAuditTrailName = "Kocho.Core.ViewAuditTrail";
    public const string ManageSearchName = "Kocho.Core.ManageSearch";

    public static readonly Permission AccessStaffSite = new(AccessStaffSiteName, "職員サイトを利用する", "Use the staff site");
    public static readonly Permission ManageModules = new(ManageModulesName, "機能（モジュール）を管理する", "Manage modules");
    public static readonly Permission ManageCalendar = new(ManageCalendarName, "業務日カレンダーの例外日を管理する", "Manage the business calendar's exception days");
    public static readonly Permission ManageDepartments = new(ManageDepartmentsName, "所属（部・課・係）を管理する", "Manage departments");
    public static readonly Permission ManageSettings = new("Kocho.Core.ManageSettings", "サイト設定を管理する", "Manage site settings");
    public static readonly Permission ViewAuditTrail = new(ViewAuditTrailName, "監査証跡を閲覧する", "View the audit trail");
    public static readonly Permission ManageSearch = new(ManageSearchName, "検索の同義語を管理する", "Manage search synonyms");

    public IEnumerable<Permission> GetPermissions() => [AccessStaffSite, ManageModules, ManageCalendar, ManageDepartments, ManageSettings, ViewAuditTrail, ManageSearch];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, GetPermissions()),
        (StandardRoles.PublicHearing, [AccessStaffSite, ManageSearch]),
        (StandardRoles.CallCenter, [AccessStaffSite]),
        (StandardRoles.DepartmentStaff, [AccessStaffSite]),
        (StandardRoles.Approver, [AccessStaffSite]),
    ];
}
