using Kocho.Core.Alerts;

namespace Kocho.Alerts.Rules;

/// <summary>The Japanese name of each alert kind, and which kinds the morning scan raises (and from which condition).</summary>
public static class AlertKinds
{
    public static readonly IReadOnlyList<AlertKind> All = Enum.GetValues<AlertKind>();

    public static string Label(AlertKind kind) => kind switch
    {
        AlertKind.CaseForwarded => "意見等の転送",
        AlertKind.ForwardingReturned => "転送の差戻し",
        AlertKind.AnswerReturned => "回答の差戻し",
        AlertKind.AnswerAwaitingApproval => "回答の承認依頼",
        AlertKind.DueSoon => "回答期限が近い意見等",
        AlertKind.Overdue => "回答期限を過ぎた意見等",
        AlertKind.NotForwarded => "未転送の意見等",
        AlertKind.FaqApprovalRequested => "FAQの承認依頼",
        AlertKind.FaqApproved => "FAQの承認",
        AlertKind.FaqReturned => "FAQの差戻し",
        AlertKind.FaqReviewDue => "FAQの見直し時期",
        _ => kind.ToString(),
    };

    /// <summary>The scan condition behind a kind, or null for kinds raised by events.</summary>
    public static AlertCondition? Condition(AlertKind kind) => kind switch
    {
        AlertKind.DueSoon => AlertCondition.DueSoon,
        AlertKind.Overdue => AlertCondition.Overdue,
        AlertKind.NotForwarded => AlertCondition.NotForwarded,
        AlertKind.FaqReviewDue => AlertCondition.ReviewDue,
        _ => null,
    };

    /// <summary>Kinds whose rules need a threshold in business days.</summary>
    public static bool NeedsBusinessDays(AlertKind kind) => kind is AlertKind.DueSoon or AlertKind.NotForwarded;

    public static bool TryParse(string? value, out AlertKind kind) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _);
}
