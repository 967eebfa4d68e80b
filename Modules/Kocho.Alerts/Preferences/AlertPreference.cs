using Kocho.Alerts.Rules;

namespace Kocho.Alerts.Preferences;

/// <summary>A staff member's choice for one alert kind; without a row, mail comes each time.</summary>
public sealed class AlertPreference
{
    public string UserId { get; set; } = "";
    public AlertKind Kind { get; set; }
    public AlertDelivery Delivery { get; set; } = AlertDelivery.Each;
}
