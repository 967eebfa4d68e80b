namespace Kocho.Core.Audit;

/// <summary>
/// Append-only, hash-chained audit trail (特記事項): sign-ins, every view, export and change of a
/// person's data, permission and role changes. Recorded in the caller's unit of work when one is open.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
