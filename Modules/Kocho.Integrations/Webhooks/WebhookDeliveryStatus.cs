namespace Kocho.Integrations.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 1,   // 送信待ち（再送待ちを含む）
    Delivered = 2, // 送信済
    Failed = 3,    // 再送の上限に達した
}
