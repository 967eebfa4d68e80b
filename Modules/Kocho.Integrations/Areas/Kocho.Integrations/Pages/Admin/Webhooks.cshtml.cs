using Kocho.Integrations.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Integrations.Areas.Kocho.Integrations.Pages.Admin;

/// <summary>Webhook: administrators register HTTPS endpoints (the secret is shown once), switch them off or remove them, and read the delivery log.</summary>
[Authorize(Policy = Permissions.ManageWebhooksName)]
public sealed class WebhooksModel(WebhookEndpoints endpoints) : PageModel
{
    [BindProperty]
    public WebhookEndpointInput Input { get; set; } = new();

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];
    public IReadOnlyList<WebhookAttempt> Log { get; private set; } = [];
    public IReadOnlyDictionary<(Guid Endpoint, WebhookDeliveryStatus Status), int> Counts { get; private set; } = new Dictionary<(Guid, WebhookDeliveryStatus), int>();
    public string? NewSecret { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0).ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, "形式が正しくありません。");
        }
        if (ModelState.IsValid)
        {
            var (errors, _, secret) = await endpoints.CreateAsync(Input, cancellationToken);
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            if (errors.Count == 0)
            {
                NewSecret = secret;
                Input = new();
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, bool enabled, CancellationToken cancellationToken) =>
        await endpoints.SetEnabledAsync(id, enabled, cancellationToken) ? Redirect("/admin/integrations/webhooks?saved=true") : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await endpoints.DeleteAsync(id, cancellationToken) ? Redirect("/admin/integrations/webhooks?saved=true") : NotFound();

    public int Count(Guid endpoint, WebhookDeliveryStatus status) => Counts.TryGetValue((endpoint, status), out var n) ? n : 0;

    public string EndpointName(Guid id) => Endpoints.FirstOrDefault(e => e.Id == id)?.Name ?? "（削除された送信先）";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Endpoints = await endpoints.AllAsync(cancellationToken);
        Log = await endpoints.LogAsync(100, cancellationToken);
        Counts = await endpoints.CountsAsync(cancellationToken);
    }
}
