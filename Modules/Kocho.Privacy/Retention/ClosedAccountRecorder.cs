using Kocho.Core.Data;
using Kocho.Core.Events;
using Kocho.Users.Residents;

namespace Kocho.Privacy.Retention;

/// <summary>
/// A deleted resident account (<see cref="ResidentAccountDeleted"/>) is remembered, so the next purge erases what the
/// resident's finished cases still hold about them; their statistics stay.
/// </summary>
public sealed class ClosedAccountRecorder(RetentionDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IDomainEventHandler<ResidentAccountDeleted>
{
    public Task HandleAsync(ResidentAccountDeleted e, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            if (await db.ClosedAccounts.FindAsync([e.UserId], ct) is not null) return;
            db.ClosedAccounts.Add(new ClosedAccount { UserId = e.UserId, ClosedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
}
