using System.Security.Claims;
using Kocho.Core.Security;

namespace Kocho.Reports.Statistics;

/// <summary>
/// Department staff see only their own department's figures (DESIGN.md), whatever the request asks: the department
/// filter is forced here, before any query. The public-hearing section (全所属) chooses any department or none.
/// </summary>
public static class ReportScope
{
    /// <summary>A department no case belongs to: staff without a department see nothing.</summary>
    public static readonly Guid Nobody = Guid.Empty;

    public static bool SeesAll(ClaimsPrincipal user) => user.HasPermission(Permissions.ViewAllDepartmentsName);

    public static Guid? Department(ClaimsPrincipal user, Guid? requested) =>
        SeesAll(user) ? requested : user.DepartmentId() ?? Nobody;
}
