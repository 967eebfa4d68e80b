namespace Kocho.Integrations.Webhooks;

/// <summary>An HTTPS address registered by an administrator, with the events it wants and its signing secret (encrypted at rest).</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required string Url { get; set; }

    /// <summary>Event names separated by commas (<see cref="WebhookEvents"/>).</summary>
    public required string Events { get; set; }
    public required string Secret { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> EventList() => Events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
