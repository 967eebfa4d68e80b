using System.Text;
using Kocho.Alerts.Data;
using Kocho.Alerts.Events;
using Kocho.Alerts.Inbox;
using Kocho.Alerts.Rules;
using Kocho.Core.Data;
using Kocho.Core.Mail;
using Kocho.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Alerts.Delivery;

/// <summary>
/// まとめメール: one mail per staff member with every alert waiting for the digest, sent on business mornings. The alerts
/// are marked in the transaction that enqueues the mail, and only if no one marked them first, so none is mailed twice.
/// </summary>
public sealed class AlertDigest(
    AlertsDbContext db,
    UnitOfWork unitOfWork,
    IStaffDirectory staff,
    IMailOutbox outbox,
    MailTemplates templates,
    StaffLinks links,
    TimeProvider clock)
{
    /// <summary>Sends the digests of alerts raised up to <paramref name="date"/>; returns how many mails were enqueued.</summary>
    public async Task<int> SendAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var userIds = await db.Alerts.AsNoTracking()
            .Where(a => a.MailState == AlertMailState.DigestPending && a.BusinessDate <= date)
            .Select(a => a.RecipientUserId).Distinct().ToListAsync(cancellationToken);
        if (userIds.Count == 0) return 0;
        var contacts = (await staff.ByIdAsync(userIds, cancellationToken)).ToDictionary(c => c.UserId);
        var sent = 0;
        foreach (var userId in userIds)
        {
            var mailed = await unitOfWork.ExecuteAsync(async ct =>
            {
                var alerts = await db.Alerts.AsNoTracking()
                    .Where(a => a.RecipientUserId == userId && a.MailState == AlertMailState.DigestPending && a.BusinessDate <= date)
                    .OrderBy(a => a.CreatedAt).ToListAsync(ct);
                if (alerts.Count == 0) return false;
                var ids = alerts.Select(a => a.Id).ToList();
                var now = clock.GetUtcNow().UtcDateTime;
                var marked = await db.Alerts.Where(a => ids.Contains(a.Id) && a.MailState == AlertMailState.DigestPending)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.MailState, AlertMailState.Digested).SetProperty(a => a.MailedAt, now), ct);
                if (marked != ids.Count)
                {
                    throw new DbUpdateConcurrencyException("Another node is sending this digest.");
                }
                if (!contacts.TryGetValue(userId, out var contact) || !MailOutbox.IsAddress(contact.Email)) return false;
                var items = new StringBuilder();
                foreach (var alert in alerts)
                {
                    items.Append("■ ").Append(AlertKinds.Label(alert.Kind)).Append('：').AppendLine(alert.Title);
                    if (alert.Detail.Length > 0) items.Append("  ").AppendLine(alert.Detail);
                    items.Append("  ").AppendLine(links.To(alert.Link));
                }
                await outbox.EnqueueAsync(templates.Render(AlertRaiser.ModuleId, "AlertDigest", contact.Email!, new Dictionary<string, string>
                {
                    ["name"] = contact.DisplayName,
                    ["date"] = AlertEventHandlers.Date(date),
                    ["count"] = alerts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["items"] = items.ToString().TrimEnd(),
                    ["inbox"] = links.To("/admin/alerts"),
                    ["preferences"] = links.To("/admin/alerts/preferences"),
                }), ct);
                return true;
            }, cancellationToken);
            if (mailed) sent++;
        }
        return sent;
    }
}
