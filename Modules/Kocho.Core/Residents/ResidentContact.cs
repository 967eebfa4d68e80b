namespace Kocho.Core.Residents;

/// <summary>区民等の連絡先 as registered: decrypted, for the one use the caller audits.</summary>
public sealed record ResidentContact(string UserId, string Name, string Email, string PostalCode, string Address, string Phone, string? Fax);
