namespace Kocho.Core.Alerts;

/// <summary>
/// How Kocho.Alerts reads other modules' items without reading their tables: each module that owns items alerts are
/// about (opinion cases, FAQ entries) implements this over its own DbContext.
/// </summary>
public interface IAlertConditionSource
{
    /// <summary>The kind of item, e.g. <c>OpinionCase</c> or <c>FaqEntry</c>.</summary>
    string ItemType { get; }

    /// <summary>The conditions this source can answer.</summary>
    IReadOnlyCollection<AlertCondition> Conditions { get; }

    /// <summary>The item with <paramref name="itemId"/>, or null when it does not exist.</summary>
    Task<AlertItem?> FindAsync(Guid itemId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The items in <paramref name="condition"/> on <paramref name="asOf"/> (a JST date); <paramref name="businessDays"/> is the
    /// rule's threshold (business days left for <see cref="AlertCondition.DueSoon"/>, business days since receipt for
    /// <see cref="AlertCondition.NotForwarded"/>). An item in several departments appears once per department.
    /// </summary>
    Task<IReadOnlyList<AlertItem>> InConditionAsync(AlertCondition condition, DateOnly asOf, int businessDays, CancellationToken cancellationToken = default);
}
