namespace Kocho.Api.Keys;

/// <summary>
/// APIキー: one per integration (the call center's telephony, a resident app, an Open311 client). The key itself is
/// shown once; only its prefix (to find it) and a keyed hash (to check it) are stored.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }

    /// <summary>The public first part of the key (<c>kch_XXXXXXXX</c>), unique: the row a presented key is checked against.</summary>
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }

    /// <summary>Space-separated <see cref="ApiScopes"/>.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>所属の制限: the key sees and registers only this department's cases; null = every department.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>Calls allowed per minute before 429.</summary>
    public int RequestsPerMinute { get; set; } = ApiScopes.DefaultRequestsPerMinute;

    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public IReadOnlySet<string> ScopeSet() => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
