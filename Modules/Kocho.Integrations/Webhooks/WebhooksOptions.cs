namespace Kocho.Integrations.Webhooks;

/// <summary><c>Kocho:Integrations:Webhooks</c>: how often and how persistently the webhook outbox is sent.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Kocho:Integrations:Webhooks";

    public bool Schedule { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before the first retry; doubled per attempt up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public int BatchSize { get; set; } = 50;

    /// <summary>SHA-256 thumbprints of receivers' certificates trusted beside the system's roots (self-signed receivers).</summary>
    public List<string> TrustedThumbprints { get; set; } = [];

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(RetryMax.Ticks, RetryBase.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));
}
