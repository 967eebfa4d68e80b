using System.Text.Json;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Faq.Data;
using Kocho.Integrations.Data;
using Kocho.Opinions.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Integrations.Webhooks;

/// <summary>
/// Turns an event into one outbox row per subscribed endpoint. Payloads hold ids, 受付番号, status, 所属コード and
/// times only — never a name, address, subject or text — and are read from non-personal columns alone.
/// </summary>
public sealed class WebhookPublisher(
    IntegrationsDbContext db,
    OpinionsDbContext opinions,
    FaqDbContext faq,
    DepartmentDirectory departments,
    UnitOfWork unitOfWork,
    WebhookSignal signal,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task CaseEventAsync(string eventName, Guid caseId, Guid? departmentId, IReadOnlyDictionary<string, object?> extra, CancellationToken cancellationToken)
    {
        var c = await opinions.Cases.AsNoTracking().Where(x => x.Id == caseId)
            .Select(x => new { x.ReceiptNumber, x.Status, x.Channel, x.Kind, x.LeadDepartmentId, x.ReceivedOn }).FirstOrDefaultAsync(cancellationToken);
        if (c is null) return;
        var data = new Dictionary<string, object?>
        {
            ["caseId"] = caseId,
            ["receiptNumber"] = c.ReceiptNumber,
            ["status"] = c.Status.ToString(),
            ["channel"] = c.Channel.ToString(),
            ["kind"] = c.Kind.ToString(),
            ["receivedOn"] = c.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["departmentCode"] = await CodeAsync(departmentId ?? c.LeadDepartmentId, cancellationToken),
        };
        foreach (var (key, value) in extra) data[key] = value;
        await EnqueueAsync(eventName, data, cancellationToken);
    }

    public async Task FaqPublishedAsync(Guid entryId, int number, Guid versionId, CancellationToken cancellationToken)
    {
        var owner = await faq.Entries.AsNoTracking().Where(e => e.Id == entryId).Select(e => (Guid?)e.OwnerDepartmentId).FirstOrDefaultAsync(cancellationToken);
        await EnqueueAsync(WebhookEvents.FaqPublished, new Dictionary<string, object?>
        {
            ["entryId"] = entryId,
            ["number"] = number,
            ["versionId"] = versionId,
            ["departmentCode"] = await CodeAsync(owner, cancellationToken),
        }, cancellationToken);
    }

    private async Task<string?> CodeAsync(Guid? departmentId, CancellationToken cancellationToken) =>
        departmentId is { } id ? (await departments.FindAsync(id, cancellationToken))?.Code : null;

    private async Task EnqueueAsync(string eventName, Dictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var endpoints = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).Select(e => new { e.Id, e.Events }).ToListAsync(cancellationToken))
            .Where(e => e.Events.Split(',', StringSplitOptions.TrimEntries).Contains(eventName)).ToList();
        if (endpoints.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await unitOfWork.ExecuteAsync(async ct =>
        {
            foreach (var endpoint in endpoints)
            {
                var delivery = new WebhookDelivery { EndpointId = endpoint.Id, Event = eventName, Payload = "", CreatedAt = now, NextAttemptAt = now };
                delivery.Payload = JsonSerializer.Serialize(new { id = delivery.Id, @event = eventName, occurredAt = now, data }, Json);
                db.WebhookDeliveries.Add(delivery);
            }
            await db.SaveChangesAsync(ct);
            // The sender is woken only once the rows are committed and visible to it.
            unitOfWork.OnCommitted(_ =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
        }, cancellationToken);
    }
}
