using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>An account: a staff member (login ID, name, 所属, roles) or a resident (区民等).</summary>
public sealed class KochoUser : IdentityUser
{
    public UserKind Kind { get; set; }
    public string DisplayName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}
