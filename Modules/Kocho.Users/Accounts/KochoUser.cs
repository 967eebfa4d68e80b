using Microsoft.AspNetCore.Identity;

namespace Kocho.Users.Accounts;

/// <summary>An account: a staff member (login ID, name, 所属, roles) or a resident (区民等).</summary>
public sealed class KochoUser : IdentityUser
{
    public UserKind Kind { get; set; }
    public string DisplayName { get; set; } = "";
    public Guid? DepartmentId { get; set; }
    /// <summary>A disabled account cannot sign in, and its open sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set when an administrator sets the password: the user must choose their own at next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Work phone for contact (encrypted at rest). Not the login: Identity's own columns stay as they are.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>Email for contact (encrypted at rest); found through <see cref="ContactEmailHash"/>.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Keyed hash of the normalized <see cref="ContactEmail"/>, for exact look-ups.</summary>
    public string? ContactEmailHash { get; set; }
}
