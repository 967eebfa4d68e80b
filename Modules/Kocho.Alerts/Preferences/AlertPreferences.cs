using Kocho.Alerts.Data;
using Kocho.Alerts.Rules;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Alerts.Preferences;

/// <summary>Each staff member's own choice per alert kind: mail each time, the morning digest, or no mail (the inbox stays).</summary>
public sealed class AlertPreferences(AlertsDbContext db, UnitOfWork unitOfWork)
{
    public async Task<IReadOnlyDictionary<AlertKind, AlertDelivery>> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        return AlertKinds.All.ToDictionary(k => k, k => stored.FirstOrDefault(p => p.Kind == k)?.Delivery ?? AlertDelivery.Each);
    }

    public Task SaveAsync(string userId, IReadOnlyDictionary<AlertKind, AlertDelivery> choices, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var stored = await db.Preferences.Where(p => p.UserId == userId).ToListAsync(ct);
            foreach (var (kind, delivery) in choices)
            {
                var row = stored.FirstOrDefault(p => p.Kind == kind);
                if (row is null) db.Preferences.Add(new AlertPreference { UserId = userId, Kind = kind, Delivery = delivery });
                else row.Delivery = delivery;
            }
        }, cancellationToken);
}
