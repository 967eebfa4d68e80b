namespace Kocho.Users.Accounts;

/// <summary>Separate cookies for the two sites; the site of the request picks which one is read.</summary>
public static class AuthenticationSchemes
{
    public const string Site = "Kocho.Site";
    public const string Staff = Kocho.Core.Security.PermissionPolicyProvider.StaffScheme;
    public const string Resident = "Kocho.Resident";
}
