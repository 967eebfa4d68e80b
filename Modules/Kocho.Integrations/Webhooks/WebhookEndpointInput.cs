namespace Kocho.Integrations.Webhooks;

/// <summary>The form of a new webhook endpoint, as typed.</summary>
public sealed class WebhookEndpointInput
{
    public string? Name { get; set; }
    public string? Url { get; set; }
    public List<string> Events { get; set; } = [];
}
