using System.Text.Json;
using Kocho.Core.Events;
using Kocho.Users.Residents;

namespace Kocho.Privacy.Retention;

/// <summary>
/// A deleted resident account (<see cref="ResidentAccountDeleted"/>) is remembered, so the next purge erases what the
/// resident's finished cases still hold about them; their statistics stay. Written in the deletion's own transaction:
/// the account and the record of its closing commit together, so a crash after the commit cannot leave cases that no
/// purge would ever find.
/// </summary>
public sealed class ClosedAccountRecorder(RetentionDbContext db, TimeProvider clock) : ITransactionalEventHandler<ResidentAccountDeleted>
{
    public async Task HandleInTransactionAsync(ResidentAccountDeleted e, CancellationToken cancellationToken)
    {
        if (await db.ClosedAccounts.FindAsync([e.UserId], cancellationToken) is not null) return;
        var known = e.Contact is { } c
            ? JsonSerializer.Serialize(new[] { c.Name, c.Address, c.Phone, c.Fax, c.Email, c.PostalCode }.Where(v => !string.IsNullOrWhiteSpace(v)))
            : null;
        db.ClosedAccounts.Add(new ClosedAccount { UserId = e.UserId, ClosedAt = clock.GetUtcNow().UtcDateTime, Known = known });
        await db.SaveChangesAsync(cancellationToken);
    }
}
