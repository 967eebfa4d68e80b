using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Kocho.Core.Data;
using Kocho.Core.Jobs;
using Kocho.Integrations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kocho.Integrations.Webhooks;

/// <summary>
/// Sends the due rows of the webhook outbox, on one node of the cluster at a time (lease <c>integrations.webhooks</c>):
/// a 2xx answer delivers; anything else is logged and retried with doubling waits until the attempts run out.
/// </summary>
public sealed class WebhookSender(
    IntegrationsDbContext db,
    UnitOfWork unitOfWork,
    JobLeases leases,
    WebhookHttp http,
    IOptions<WebhooksOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    public const string Job = "integrations.webhooks";
    public const string EventHeader = "Kocho-Event";
    public const string DeliveryHeader = "Kocho-Delivery";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends what is due now; the number of attempts made, or null when another node is sending.</summary>
    public async Task<int?> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (!await leases.TryAcquireAsync(Job, Lease, cancellationToken)) return null;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled).ToDictionaryAsync(e => e.Id, cancellationToken);
            var ids = endpoints.Keys.ToList();
            var due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && ids.Contains(d.EndpointId))
                .OrderBy(d => d.NextAttemptAt).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            foreach (var delivery in due)
            {
                await AttemptAsync(delivery, endpoints[delivery.EndpointId], cancellationToken);
            }
            return due.Count;
        }
        finally
        {
            await leases.ReleaseAsync(Job, completed: null, CancellationToken.None);
        }
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Secret, timestamp, delivery.Payload));
        request.Headers.Add(EventHeader, delivery.Event);
        request.Headers.Add(DeliveryHeader, delivery.Id.ToString());
        int? status = null;
        string? error = null;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        }
        var succeeded = error is null;
        var now = clock.GetUtcNow().UtcDateTime;
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var row = await db.WebhookDeliveries.FirstAsync(d => d.Id == delivery.Id, ct);
            row.Attempts++;
            if (succeeded)
            {
                row.Status = WebhookDeliveryStatus.Delivered;
                row.DeliveredAt = now;
            }
            else if (row.Attempts >= o.MaxAttempts)
            {
                row.Status = WebhookDeliveryStatus.Failed;
            }
            else
            {
                row.NextAttemptAt = now + o.Backoff(row.Attempts);
            }
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                DeliveryId = row.Id, EndpointId = endpoint.Id, Event = row.Event, Number = row.Attempts, At = now,
                StatusCode = status, Error = error is { Length: > 500 } ? error[..500] : error,
                DurationMs = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds), Succeeded = succeeded,
            });
            await db.SaveChangesAsync(ct);
            if (!succeeded)
            {
                logger.LogWarning("Webhook {Event} {Delivery} to {Endpoint}: attempt {Attempt} failed ({Error}){Next}", row.Event, row.Id, endpoint.Name,
                    row.Attempts, error, row.Status == WebhookDeliveryStatus.Failed ? "; no more retries" : $"; next at {row.NextAttemptAt:O}");
            }
        }, cancellationToken);
    }
}
