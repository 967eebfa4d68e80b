namespace Kocho.Alerts.Preferences;

/// <summary>How a staff member wants the mails of one alert kind: each time, in the 8:30 digest, or not at all.</summary>
public enum AlertDelivery
{
    Each = 1,
    Digest = 2,
    None = 3,
}
