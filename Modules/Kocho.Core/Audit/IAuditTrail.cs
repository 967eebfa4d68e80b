namespace Kocho.Core.Audit;

/// <summary>
/// Append-only, hash-chained audit trail (特記事項): sign-ins, every view, export and change of a
/// person's data, permission and role changes. Recorded in the caller's unit of work when one is open.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records on behalf of a known actor, for the moment the request does not carry them yet (a staff member who
    /// has just signed in). When and from where are still taken from the request.
    /// </summary>
    Task RecordAsync(AuditEntry entry, AuditActor actor, CancellationToken cancellationToken = default);
}
