namespace Kocho.Privacy.Retention;

/// <summary>A resident account that was deleted: the purge erases what its cases still hold about the resident.</summary>
public sealed class ClosedAccount
{
    public string UserId { get; set; } = "";
    public DateTime ClosedAt { get; set; }

    /// <summary>
    /// What the account held (name, address, phone, FAX, email, postal code) as a JSON array, encrypted at rest: the purge
    /// still finds it in the free text of the resident's cases after the profile is gone. Deleted with the row once no
    /// case of the account is left to erase.
    /// </summary>
    public string? Known { get; set; }
}
