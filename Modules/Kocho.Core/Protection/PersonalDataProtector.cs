using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Kocho.Core.Protection;

/// <summary>
/// 特記事項 (personal data at rest): personal fields are encrypted with Data Protection's authenticated
/// encryption (AES-256-CBC + HMACSHA256 under the current key of the shared, rotated key ring), and exact
/// look-ups use HMAC-SHA256 under a secret kept in the database, encrypted by the same key ring.
/// Output is base64url, i.e. compact ASCII that fits any text column.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider, LookupKeyStore lookupKeys) : IPersonalDataProtector
{
    /// <summary>The Data Protection purpose of personal fields; a new version means a new purpose string.</summary>
    public const string Purpose = "Kocho.PersonalData.v1";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<string, byte[]> _purposeKeys = new(StringComparer.Ordinal);

    public string? Protect(string? plaintext)
    {
        if (plaintext is null) return null;
        return Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(plaintext)));
    }

    public string? Unprotect(string? protectedValue)
    {
        if (protectedValue is null) return null;
        try
        {
            return StrictUtf8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(protectedValue)));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new PersonalDataIntegrityException(ex);
        }
    }

    public string LookupHash(string purpose, string normalizedValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(normalizedValue);
        // One HMAC key per purpose (HKDF from the site's secret), so an email hash never equals a phone hash.
        var key = _purposeKeys.GetOrAdd(purpose, p =>
            HKDF.DeriveKey(HashAlgorithmName.SHA256, lookupKeys.Secret, 32, info: Encoding.UTF8.GetBytes("Kocho.Lookup:" + p)));
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalizedValue)));
    }
}
