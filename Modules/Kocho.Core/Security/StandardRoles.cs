namespace Kocho.Core.Security;

/// <summary>The roles of DESIGN.md; modules give them default permissions.</summary>
public static class StandardRoles
{
    public const string Administrator = "Administrator";
    public const string PublicHearing = "PublicHearing";
    public const string CallCenter = "CallCenter";
    public const string DepartmentStaff = "DepartmentStaff";
    public const string Approver = "Approver";

    /// <summary>The claim type under which a signed-in user's permissions travel.</summary>
    public const string PermissionClaim = "kocho:permission";
}
