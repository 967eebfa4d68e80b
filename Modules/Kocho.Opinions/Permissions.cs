using Kocho.Core.Security;

namespace Kocho.Opinions;

public sealed class Permissions : IPermissionProvider
{
    public const string ViewCasesName = "Kocho.Opinions.ViewCases";

    public static readonly Permission ViewCases = new(ViewCasesName, "意見等を閲覧する", "View opinion cases");

    public IEnumerable<Permission> GetPermissions() => [ViewCases];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ViewCases]), (StandardRoles.PublicHearing, [ViewCases]), (StandardRoles.CallCenter, [ViewCases]), (StandardRoles.DepartmentStaff, [ViewCases]), (StandardRoles.Approver, [ViewCases])];
}
