namespace Kocho.Integrations.Webhooks;

/// <summary>送信記録: one try of a delivery, what the receiver answered (or why it could not be reached).</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DeliveryId { get; set; }
    public Guid EndpointId { get; set; }
    public required string Event { get; set; }
    public int Number { get; set; }
    public DateTime At { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
    public bool Succeeded { get; set; }
}
