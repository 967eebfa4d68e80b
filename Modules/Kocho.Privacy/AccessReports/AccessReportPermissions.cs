using Kocho.Core.Security;

namespace Kocho.Privacy.AccessReports;

/// <summary>特記事項 11–12: who looked at or took out personal data is for the administrators and the public-hearing section only.</summary>
public sealed class AccessReportPermissions : IPermissionProvider
{
    public const string ViewName = "Kocho.Privacy.ViewAccessReports";

    public static readonly Permission View = new(ViewName, "個人情報のアクセス記録を閲覧する", "View personal-data access reports");

    public IEnumerable<Permission> GetPermissions() => [View];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, [View]),
        (StandardRoles.PublicHearing, [View]),
    ];
}
