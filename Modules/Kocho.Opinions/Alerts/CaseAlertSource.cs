using System.Linq.Expressions;
using Kocho.Core.Alerts;
using Kocho.Core.Calendar;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Alerts;

/// <summary>
/// Opinion cases for the alert scans (回答期限が近い / 期限超過 / 未転送), read from this module's own tables. Titles carry
/// the receipt number and kind only: the subject may hold a resident's personal data.
/// </summary>
public sealed class CaseAlertSource(OpinionsDbContext db, BusinessCalendarService calendarService) : IAlertConditionSource
{
    public const string Type = "OpinionCase";

    public string ItemType => Type;

    public IReadOnlyCollection<AlertCondition> Conditions { get; } = [AlertCondition.DueSoon, AlertCondition.Overdue, AlertCondition.NotForwarded];

    public async Task<AlertItem?> FindAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        var c = await db.Cases.AsNoTracking().Where(x => x.Id == itemId)
            .Select(x => new { x.Id, x.ReceiptNumber, x.Kind, x.LeadDepartmentId, x.AnswerDue }).FirstOrDefaultAsync(cancellationToken);
        return c is null ? null : new AlertItem(c.Id, Title(c.ReceiptNumber, c.Kind), c.LeadDepartmentId, Path(c.Id), c.AnswerDue);
    }

    public async Task<IReadOnlyList<AlertItem>> InConditionAsync(AlertCondition condition, DateOnly asOf, int businessDays, CancellationToken cancellationToken = default)
    {
        var calendar = await calendarService.LoadAsync(cancellationToken);
        switch (condition)
        {
            case AlertCondition.DueSoon:
            {
                var last = calendar.AddBusinessDays(asOf, Math.Max(1, businessDays));
                var rows = await OpenForwardings(f => f.DueOn > asOf && f.DueOn <= last).ToListAsync(cancellationToken);
                return rows.Select(r => (Row: r, Left: calendar.BusinessDaysBetween(asOf, r.DueOn)))
                    .Where(x => x.Left == businessDays)
                    .Select(x => new AlertItem(x.Row.CaseId, Title(x.Row.ReceiptNumber, x.Row.Kind), x.Row.DepartmentId, Path(x.Row.CaseId), x.Row.DueOn, x.Left))
                    .ToList();
            }
            case AlertCondition.Overdue:
            {
                var rows = await OpenForwardings(f => f.DueOn < asOf).ToListAsync(cancellationToken);
                return rows.Select(r => new AlertItem(r.CaseId, Title(r.ReceiptNumber, r.Kind), r.DepartmentId, Path(r.CaseId), r.DueOn,
                    calendar.BusinessDaysBetween(asOf, r.DueOn))).ToList();
            }
            case AlertCondition.NotForwarded:
            {
                var rows = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Received && c.ReceivedOn < asOf)
                    .Select(c => new { c.Id, c.ReceiptNumber, c.Kind, c.ReceivedOn }).ToListAsync(cancellationToken);
                return rows.Where(c => calendar.BusinessDaysBetween(c.ReceivedOn, asOf) >= Math.Max(1, businessDays))
                    .Select(c => new AlertItem(c.Id, Title(c.ReceiptNumber, c.Kind), null, Path(c.Id), c.ReceivedOn, -calendar.BusinessDaysBetween(c.ReceivedOn, asOf)))
                    .ToList();
            }
            default:
                return [];
        }
    }

    private IQueryable<OpenForwarding> OpenForwardings(Expression<Func<CaseForwarding, bool>> due) =>
        from f in db.Forwardings.AsNoTracking().Where(due)
        join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
        where (f.Status == ForwardingStatus.Forwarded || f.Status == ForwardingStatus.InProgress)
            && (c.Status == CaseStatus.Forwarded || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Drafted || c.Status == CaseStatus.AwaitingApproval)
        select new OpenForwarding(c.Id, c.ReceiptNumber, c.Kind, f.DepartmentId, f.DueOn);

    private static string Title(string receiptNumber, CaseKind kind) => $"受付番号 {receiptNumber}（{OpinionLabels.Of(kind)}）";

    private static string Path(Guid caseId) => $"/admin/opinions/{caseId}";

    private sealed record OpenForwarding(Guid CaseId, string ReceiptNumber, CaseKind Kind, Guid DepartmentId, DateOnly DueOn);
}
