namespace Kocho.Privacy.Disclosure;

/// <summary>Whose data a disclosure covers: a resident account, and/or the sender found by email or phone (keyed hashes).</summary>
public sealed record DisclosureSubject(string? ResidentUserId, string? EmailHash, string? PhoneHash)
{
    public bool IsEmpty => ResidentUserId is null && EmailHash is null && PhoneHash is null;
}
