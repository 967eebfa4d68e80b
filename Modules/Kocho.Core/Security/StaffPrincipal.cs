using System.Security.Claims;

namespace Kocho.Core.Security;

/// <summary>
/// What a module may read of the signed-in person without knowing how Kocho.Users builds the session:
/// the account id, display name, 所属 and held permissions. Department isolation in queries starts here.
/// </summary>
public static class StaffPrincipal
{
    public const string NameClaim = "kocho:name";
    public const string DepartmentClaim = "kocho:department";
    public const string KindClaim = "kocho:kind";

    /// <summary>The account id (staff or resident), or null when nobody is signed in.</summary>
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NameClaim) ?? user.Identity?.Name ?? "";

    /// <summary>The staff member's 所属 (a 課 or 係), or null for staff without one.</summary>
    public static Guid? DepartmentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DepartmentClaim), out var id) ? id : null;

    public static bool HasPermission(this ClaimsPrincipal user, string permission) =>
        user.HasClaim(StandardRoles.PermissionClaim, permission);
}
