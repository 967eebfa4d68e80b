using System.Security.Cryptography;
using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Integrations.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Integrations.Webhooks;

/// <summary>
/// Administrators' registry of webhook endpoints: HTTPS only, a secret made here and shown once, every change audited
/// in its own transaction; bad input gets Japanese messages and saves nothing.
/// </summary>
public sealed class WebhookEndpoints(IntegrationsDbContext db, UnitOfWork unitOfWork, IAuditTrail audit, TimeProvider clock)
{
    public Task<List<WebhookEndpoint>> AllAsync(CancellationToken cancellationToken = default) =>
        db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>The newest delivery attempts (送信記録), newest first.</summary>
    public Task<List<WebhookAttempt>> LogAsync(int take = 100, CancellationToken cancellationToken = default) =>
        db.WebhookAttempts.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Number).Take(take).ToListAsync(cancellationToken);

    public async Task<Dictionary<(Guid Endpoint, WebhookDeliveryStatus Status), int>> CountsAsync(CancellationToken cancellationToken = default) =>
        (await db.WebhookDeliveries.AsNoTracking().GroupBy(d => new { d.EndpointId, d.Status }).Select(g => new { g.Key.EndpointId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken)).ToDictionary(x => (x.EndpointId, x.Status), x => x.Count);

    /// <summary>Registers an endpoint; returns the errors (field → message), or the endpoint with its secret in clear, once.</summary>
    public async Task<(Dictionary<string, string> Errors, WebhookEndpoint? Endpoint, string? Secret)> CreateAsync(WebhookEndpointInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var name = (input.Name ?? "").Normalize(NormalizationForm.FormKC).Trim();
        var url = (input.Url ?? "").Trim();
        var events = input.Events.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
        if (name.Length == 0) errors["Name"] = "名前を入力してください。";
        else if (name.Length > 100) errors["Name"] = "名前は100文字以内で入力してください。";
        if (url.Length == 0) errors["Url"] = "送信先のURLを入力してください。";
        else if (url.Length > 500) errors["Url"] = "URLは500文字以内で入力してください。";
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo) || uri.Fragment.Length > 0)
            errors["Url"] = "送信先は https:// で始まるURLで入力してください（利用者名・#は使えません）。";
        if (events.Count == 0) errors["Events"] = "知らせる出来事を1つ以上選んでください。";
        else if (events.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown) errors["Events"] = $"出来事「{unknown}」はありません。";
        if (errors.Count > 0) return (errors, null, null);

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var endpoint = new WebhookEndpoint { Name = name, Url = url, Events = string.Join(",", events), Secret = secret, CreatedAt = clock.GetUtcNow().UtcDateTime };
        await unitOfWork.ExecuteAsync(async ct =>
        {
            db.WebhookEndpoints.Add(endpoint);
            await audit.RecordAsync(new AuditEntry("integrations.webhook.created", "WebhookEndpoint", endpoint.Id.ToString(), $"{name} {url} {endpoint.Events}"), ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return (errors, endpoint, secret);
    }

    public Task<bool> SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (endpoint is null) return false;
            endpoint.Enabled = enabled;
            await audit.RecordAsync(new AuditEntry(enabled ? "integrations.webhook.enabled" : "integrations.webhook.disabled", "WebhookEndpoint", id.ToString(), endpoint.Name), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

    /// <summary>Removes the endpoint and what it still had to send; its delivery log stays.</summary>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
            if (endpoint is null) return false;
            db.WebhookEndpoints.Remove(endpoint);
            db.WebhookDeliveries.RemoveRange(await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Pending).ToListAsync(ct));
            await audit.RecordAsync(new AuditEntry("integrations.webhook.deleted", "WebhookEndpoint", id.ToString(), endpoint.Name), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
}
