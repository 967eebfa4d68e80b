namespace Kocho.Alerts.Rules;

/// <summary>
/// アラートの送信ルール: for one kind (and, for deadline kinds, a threshold in business days), who gets the alert
/// (members of a department, only those with a role, and named users) and through which channels.
/// </summary>
public sealed class AlertRule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public AlertKind Kind { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>DueSoon: business days left; NotForwarded: business days since receipt. Null for other kinds.</summary>
    public int? BusinessDays { get; set; }

    public RecipientDepartment Department { get; set; } = RecipientDepartment.Item;

    /// <summary>With <see cref="RecipientDepartment.Fixed"/>: that department.</summary>
    public Guid? DepartmentId { get; set; }

    /// <summary>Only members holding this role (e.g. Approver); null: every member.</summary>
    public string? Role { get; set; }

    /// <summary>Named staff, by login ID, one per line.</summary>
    public string Users { get; set; } = "";

    public bool Inbox { get; set; } = true;
    public bool Mail { get; set; } = true;
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> UserLogins() =>
        Users.Split(['\n', '\r', ',', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
