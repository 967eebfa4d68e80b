namespace Kocho.Core.Protection;

/// <summary>The secret of the look-up hashes, stored encrypted with Data Protection; one row, created once.</summary>
public sealed class LookupKey
{
    public string Id { get; set; } = "";

    /// <summary>The 256-bit secret, protected by Data Protection (base64url).</summary>
    public string ProtectedSecret { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
