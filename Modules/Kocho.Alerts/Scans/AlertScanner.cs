using Kocho.Alerts.Delivery;
using Kocho.Alerts.Events;
using Kocho.Alerts.Rules;
using Kocho.Core.Alerts;
using Kocho.Core.Modules;

namespace Kocho.Alerts.Scans;

/// <summary>
/// The deadline scan of one business day: for every enabled scan rule (回答期限が近い, 期限超過, 未転送, FAQ の見直し) asks
/// the enabled modules' sources which items are in its condition and raises the alerts. Running it twice for a day adds
/// nothing: each alert exists once per business day.
/// </summary>
public sealed class AlertScanner(
    IEnumerable<IAlertConditionSource> sources,
    ModuleCatalog catalog,
    EnabledModules enabledModules,
    AlertRaiser raiser)
{
    public const int DefaultNotForwardedDays = 1;

    /// <summary>Returns how many alerts were created, per kind.</summary>
    public async Task<IReadOnlyDictionary<AlertKind, int>> ScanAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<AlertKind, int>();
        foreach (var kind in AlertKinds.All)
        {
            if (AlertKinds.Condition(kind) is not { } condition) continue;
            var rules = await raiser.RulesAsync(kind, cancellationToken);
            foreach (var group in rules.GroupBy(r => r.BusinessDays ?? (kind == AlertKind.NotForwarded ? DefaultNotForwardedDays : 0)))
            {
                foreach (var source in sources.Where(s => s.Conditions.Contains(condition) && IsEnabled(s)))
                {
                    foreach (var item in await source.InConditionAsync(condition, date, group.Key, cancellationToken))
                    {
                        var request = new AlertRequest(kind, source.ItemType, item, item.DepartmentId, date, Detail(kind, item),
                            kind == AlertKind.FaqReviewDue ? item.DueOn : null);
                        counts[kind] = counts.GetValueOrDefault(kind) + await raiser.RaiseAsync(request, [.. group], cancellationToken);
                    }
                }
            }
        }
        return counts;
    }

    private bool IsEnabled(IAlertConditionSource source) =>
        catalog.FindByAssembly(source.GetType().Assembly) is not { } module || enabledModules.IsEnabled(module.Id);

    private static string Detail(AlertKind kind, AlertItem item)
    {
        var due = item.DueOn is { } d ? AlertEventHandlers.Date(d) : "";
        var days = Math.Abs(item.BusinessDaysLeft ?? 0);
        return kind switch
        {
            AlertKind.DueSoon => $"回答期限：{due}（あと{days}業務日）",
            AlertKind.Overdue => $"回答期限：{due}（{days}業務日超過）。回答を急いでください。",
            AlertKind.NotForwarded => $"受付日：{due}（{days}業務日経過）。まだ転送されていません。",
            AlertKind.FaqReviewDue => $"見直し時期：{due}。内容を確認し、見直し済みにしてください。",
            _ => "",
        };
    }
}
