namespace Kocho.Core.Alerts;

/// <summary>A state an item can be in on a business day that the morning alert scan looks for.</summary>
public enum AlertCondition
{
    /// <summary>回答期限まで N 業務日 (exactly N business days left).</summary>
    DueSoon = 1,

    /// <summary>回答期限超過: past the due date and not answered yet.</summary>
    Overdue = 2,

    /// <summary>未転送: received at least N business days ago and not forwarded.</summary>
    NotForwarded = 3,

    /// <summary>FAQ の見直し時期: a published entry not reviewed for the review period.</summary>
    ReviewDue = 4,
}
