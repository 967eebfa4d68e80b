using Kocho.Alerts.Data;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Alerts.Inbox;

/// <summary>A staff member's own alerts (受信箱): the query always filters by the signed-in user, so no one reads another's.</summary>
public sealed class AlertInbox(AlertsDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    public const int PageSize = 50;

    private IQueryable<Alert> Of(string userId) => db.Alerts.AsNoTracking().Where(a => a.RecipientUserId == userId && a.InInbox);

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken) =>
        Of(userId).CountAsync(a => a.ReadAt == null, cancellationToken);

    public async Task<(int Total, IReadOnlyList<Alert> Alerts)> ListAsync(string userId, bool unreadOnly, int page, CancellationToken cancellationToken)
    {
        var alerts = Of(userId);
        if (unreadOnly) alerts = alerts.Where(a => a.ReadAt == null);
        var total = await alerts.CountAsync(cancellationToken);
        var rows = await alerts.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (total, rows);
    }

    /// <summary>Marks one of the user's alerts read; returns it (for its link), or null when it is not theirs.</summary>
    public async Task<Alert?> MarkReadAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var alert = await Of(userId).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null) return null;
        if (alert.ReadAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await unitOfWork.ExecuteAsync(ct => db.Alerts.Where(a => a.Id == id && a.RecipientUserId == userId && a.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadAt, now), ct), cancellationToken);
        }
        return alert;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await unitOfWork.ExecuteAsync(ct => db.Alerts.Where(a => a.RecipientUserId == userId && a.InInbox && a.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReadAt, now), ct), cancellationToken);
    }
}
