using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Roles;

/// <summary>A staff role; its permissions are role claims of type <c>kocho:permission</c>.</summary>
public sealed class KochoRole : IdentityRole
{
    public KochoRole() { }

    public KochoRole(string name) : base(name) { }

    public string DisplayName { get; set; } = "";
    public string? DisplayNameEn { get; set; }
    public string? Description { get; set; }
}
