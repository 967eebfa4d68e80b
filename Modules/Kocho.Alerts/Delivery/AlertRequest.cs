using Kocho.Alerts.Rules;
using Kocho.Core.Alerts;

namespace Kocho.Alerts.Delivery;

/// <summary>
/// One alert to raise for one item: its kind, the item as its module describes it, the department whose members the
/// rules may address, the business date it counts for, and a line of detail. With <paramref name="OnceSince"/> an
/// alert already raised on or after that date counts as raised (FAQ review: once per review period).
/// </summary>
public sealed record AlertRequest(AlertKind Kind, string ItemType, AlertItem Item, Guid? DepartmentId, DateOnly BusinessDate, string Detail, DateOnly? OnceSince = null);
