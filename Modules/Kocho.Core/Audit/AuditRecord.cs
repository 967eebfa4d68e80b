namespace Kocho.Core.Audit;

/// <summary>
/// One row of the audit trail (監査証跡). Never updated or deleted: <see cref="Hash"/> covers every other field and
/// the previous record's hash, so an altered, removed or reordered row breaks the chain.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>1, 2, 3, … without gaps, in the order records were appended.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the microsecond (the precision both engines keep).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>One of the <see cref="AuditActor"/> kinds.</summary>
    public string ActorKind { get; set; } = "";
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? IpAddress { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }

    /// <summary>Short text with ids only — never plaintext personal data.</summary>
    public string? Details { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public const int ActorIdLength = 100;
    public const int ActorNameLength = 200;
    public const int IpAddressLength = 45;
    public const int ActionLength = 100;
    public const int EntityTypeLength = 100;
    public const int EntityIdLength = 256;
    public const int DetailsLength = 1000;
    public const int HashLength = 64;
}
