namespace Kocho.Integrations.Webhooks;

/// <summary>
/// The webhook outbox: one row per event and endpoint, written after the event's commit and sent by one node with
/// retries; the body is fixed when the row is written, so every retry sends (and signs) the same bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EndpointId { get; set; }
    public required string Event { get; set; }
    public required string Payload { get; set; }
    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
}
