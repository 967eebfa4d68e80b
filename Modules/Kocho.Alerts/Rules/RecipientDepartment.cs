namespace Kocho.Alerts.Rules;

/// <summary>Which department's members a rule addresses, besides its named users.</summary>
public enum RecipientDepartment
{
    /// <summary>担当課: the department the item belongs to (the forwarding's, the FAQ entry's, the approver's).</summary>
    Item = 1,

    /// <summary>A fixed department, e.g. 広聴担当課.</summary>
    Fixed = 2,

    /// <summary>Only the named users.</summary>
    None = 3,
}
