using Kocho.Alerts.Data;
using Kocho.Alerts.Inbox;
using Kocho.Alerts.Preferences;
using Kocho.Alerts.Rules;
using Kocho.Core.Data;
using Kocho.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kocho.Alerts.Delivery;

/// <summary>
/// Raises an alert for every recipient of the matching rules: the inbox row and, by the person's choice, its mail in the
/// outbox — one transaction per recipient, so neither exists without the other. A second alert for the same kind, item,
/// recipient and business date is refused by the unique index and skipped (the whole transaction, mail included, rolls back).
/// </summary>
public sealed class AlertRaiser(
    AlertsDbContext db,
    UnitOfWork unitOfWork,
    AlertRecipients recipients,
    IMailOutbox outbox,
    MailTemplates templates,
    StaffLinks links,
    TimeProvider clock,
    ILogger<AlertRaiser> logger)
{
    public const string ModuleId = "Kocho.Alerts";

    public Task<List<AlertRule>> RulesAsync(AlertKind kind, CancellationToken cancellationToken) =>
        db.Rules.AsNoTracking().Where(r => r.Kind == kind && r.Enabled).ToListAsync(cancellationToken);

    /// <summary>Returns how many alerts were created.</summary>
    public async Task<int> RaiseAsync(AlertRequest request, IReadOnlyList<AlertRule> rules, CancellationToken cancellationToken)
    {
        if (rules.Count == 0) return 0;
        var created = 0;
        foreach (var recipient in await recipients.ForAsync(rules, request.DepartmentId, cancellationToken))
        {
            var userId = recipient.Staff.UserId;
            if (await AlreadyRaisedAsync(request, userId, cancellationToken)) continue;
            var delivery = recipient.Mail ? await DeliveryAsync(userId, request.Kind, cancellationToken) : AlertDelivery.None;
            if (!recipient.Inbox && delivery == AlertDelivery.None) continue;
            try
            {
                await unitOfWork.ExecuteAsync(async ct =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    var alert = new Alert
                    {
                        Kind = request.Kind,
                        ItemType = request.ItemType,
                        ItemId = request.Item.ItemId,
                        RecipientUserId = userId,
                        BusinessDate = request.BusinessDate,
                        Title = Truncate(request.Item.Title, 200),
                        Detail = Truncate(request.Detail, 300),
                        Link = request.Item.StaffPath,
                        CreatedAt = now,
                        InInbox = recipient.Inbox,
                    };
                    var email = recipient.Staff.Email;
                    if (delivery == AlertDelivery.Each && MailOutbox.IsAddress(email))
                    {
                        await outbox.EnqueueAsync(templates.Render(ModuleId, "Alert", email!, new Dictionary<string, string>
                        {
                            ["name"] = recipient.Staff.DisplayName,
                            ["kind"] = AlertKinds.Label(request.Kind),
                            ["title"] = alert.Title,
                            ["detail"] = alert.Detail,
                            ["link"] = links.To(alert.Link),
                            ["preferences"] = links.To("/admin/alerts/preferences"),
                        }), ct);
                        alert.MailState = AlertMailState.Mailed;
                        alert.MailedAt = now;
                    }
                    else if (delivery == AlertDelivery.Digest && MailOutbox.IsAddress(email))
                    {
                        alert.MailState = AlertMailState.DigestPending;
                    }
                    db.Alerts.Add(alert);
                }, cancellationToken);
                created++;
            }
            catch (DbUpdateException)
            {
                // Another node raised it between the check and the insert: the unique index kept it single.
                if (!await AlreadyRaisedAsync(request, userId, CancellationToken.None)) throw;
                logger.LogInformation("Alert {Kind} for {Item} was raised by another node", request.Kind, request.Item.ItemId);
            }
        }
        return created;
    }

    private Task<bool> AlreadyRaisedAsync(AlertRequest request, string userId, CancellationToken cancellationToken)
    {
        var alerts = db.Alerts.AsNoTracking().Where(a => a.Kind == request.Kind && a.ItemId == request.Item.ItemId && a.RecipientUserId == userId);
        return request.OnceSince is { } since
            ? alerts.AnyAsync(a => a.BusinessDate >= since || a.BusinessDate == request.BusinessDate, cancellationToken)
            : alerts.AnyAsync(a => a.BusinessDate == request.BusinessDate, cancellationToken);
    }

    private async Task<AlertDelivery> DeliveryAsync(string userId, AlertKind kind, CancellationToken cancellationToken) =>
        await db.Preferences.AsNoTracking().Where(p => p.UserId == userId && p.Kind == kind).Select(p => (AlertDelivery?)p.Delivery)
            .FirstOrDefaultAsync(cancellationToken) ?? AlertDelivery.Each;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
