using Kocho.Alerts.Rules;

namespace Kocho.Alerts.Inbox;

/// <summary>
/// One alert to one staff member: the inbox row and the record that it was raised. (Kind, item, recipient, business
/// date) is unique in the database, so the same alert is raised at most once per business day, also across nodes.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public AlertKind Kind { get; set; }
    public string ItemType { get; set; } = "";
    public Guid ItemId { get; set; }
    public string RecipientUserId { get; set; } = "";

    /// <summary>The JST date the alert was raised for.</summary>
    public DateOnly BusinessDate { get; set; }

    /// <summary>No personal data: receipt number and kind, FAQ number and question.</summary>
    public string Title { get; set; } = "";
    public string Detail { get; set; } = "";

    /// <summary>The item's page on the staff site (a path).</summary>
    public string Link { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public bool InInbox { get; set; } = true;
    public DateTime? ReadAt { get; set; }
    public AlertMailState MailState { get; set; } = AlertMailState.None;
    public DateTime? MailedAt { get; set; }
}
