namespace Kocho.Core.Protection;

/// <summary>
/// <c>Kocho:DataProtection</c>: the certificate that encrypts the key ring in the database (production),
/// and how long a key is the current one before Data Protection rotates to a new key.
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "Kocho:DataProtection";

    /// <summary>A PFX file with its private key; without it the keys are stored unencrypted (a warning in production).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public int KeyLifetimeDays { get; set; } = 90;
}
