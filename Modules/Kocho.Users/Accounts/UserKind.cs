namespace Kocho.Users.Accounts;

/// <summary>Staff sign in on the staff site; residents (区民等) on the public site. One never passes for the other.</summary>
public enum UserKind
{
    Staff = 1,
    Resident = 2,
}
