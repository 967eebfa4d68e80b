using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kocho.Integrations;

/// <summary>
/// TLS trust for the IMAP server and webhook receivers: a certificate the system trusts is accepted, and so is one
/// whose SHA-256 thumbprint an administrator pinned in configuration (a city server with its own certificate).
/// </summary>
public static class PinnedCertificates
{
    public static RemoteCertificateValidationCallback Validator(IEnumerable<string> pinnedSha256) =>
        Validator(pinnedSha256.Select(Normalize).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal));

    private static RemoteCertificateValidationCallback Validator(IReadOnlySet<string> pinned) => (_, certificate, _, errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && pinned.Contains(Thumbprint(certificate)));

    /// <summary>The SHA-256 thumbprint in upper-case hex without separators.</summary>
    public static string Thumbprint(X509Certificate certificate) => Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));

    private static string Normalize(string thumbprint) => thumbprint.Replace(":", "").Replace(" ", "").Trim().ToUpperInvariant();
}
