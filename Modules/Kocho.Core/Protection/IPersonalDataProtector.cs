namespace Kocho.Core.Protection;

/// <summary>
/// Personal data at rest (特記事項): authenticated encryption of personal fields, and keyed hashes for
/// exact look-ups (email, phone) that reveal nothing without the key.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>Encrypts a personal value; null stays null.</summary>
    string? Protect(string? plaintext);

    /// <summary>Decrypts a value from <see cref="Protect"/>; throws <see cref="PersonalDataIntegrityException"/> when it was altered.</summary>
    string? Unprotect(string? protectedValue);

    /// <summary>A keyed hash of a normalized value for look-ups; the same input gives the same hash.</summary>
    string LookupHash(string purpose, string normalizedValue);
}
