namespace Kocho.Alerts.Rules;

/// <summary>A rule as the rules page and the <c>alertRules</c> recipe step give it (department by code, users by login ID).</summary>
public sealed class AlertRuleInput
{
    public string? Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public int? BusinessDays { get; set; }

    /// <summary><c>Item</c> (担当課), <c>Fixed</c> (with <see cref="DepartmentCode"/>) or <c>None</c>.</summary>
    public string? Department { get; set; } = nameof(RecipientDepartment.Item);
    public string? DepartmentCode { get; set; }
    public string? Role { get; set; }
    public string? Users { get; set; }
    public bool Inbox { get; set; } = true;
    public bool Mail { get; set; } = true;
}
