namespace Kocho.Alerts.Scans;

/// <summary><c>Kocho:Alerts:…</c>: when the morning jobs run (JST, business days) and whether this node schedules them.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Kocho:Alerts";

    /// <summary>False on a node that should never run the morning jobs (tests that drive them by hand).</summary>
    public bool Schedule { get; set; } = true;

    public TimeOnly ScanAt { get; set; } = new(8, 0);
    public TimeOnly DigestAt { get; set; } = new(8, 30);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
