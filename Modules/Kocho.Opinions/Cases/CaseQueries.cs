using System.Runtime.CompilerServices;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Residents;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Cases;

/// <summary>
/// 意見等の検索 and 進捗管理 for staff: lists and the case itself, always through <see cref="CaseVisibility"/>
/// (another department's case is simply not found). Every view of the sender's details or an attachment is audited.
/// </summary>
public sealed class CaseQueries(
    OpinionsDbContext db,
    BusinessCalendarService calendar,
    IResidentDirectory residents,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int DueSoonBusinessDays = 3;

    public async Task<CasePage> ListAsync(CaseActor actor, CaseListQuery query, CancellationToken cancellationToken = default)
    {
        var today = JapanTime.Today(clock);
        var businessCalendar = await calendar.LoadAsync(cancellationToken);
        var soon = businessCalendar.AddBusinessDays(today, DueSoonBusinessDays);
        var department = actor.DepartmentId;
        var ownDue = !actor.SeesAll && department is not null;
        var (counted, ordered) = ListQueries(actor, query, today, soon);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var total = await counted.CountAsync(cancellationToken);
        var rows = await ordered
            .Skip((page - 1) * size).Take(size)
            .Select(c => new
            {
                c.Id, c.ReceiptNumber, c.ReceivedOn, c.Channel, c.Kind, c.Subject, c.Status, c.LeadDepartmentId, c.AnswerDue,
                OwnDue = c.Forwardings.Where(f => f.DepartmentId == department && f.Status != ForwardingStatus.Returned).Select(f => (DateOnly?)f.DueOn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new CasePage(rows.Select(r =>
        {
            var due = ownDue ? r.OwnDue ?? r.AnswerDue : r.AnswerDue;
            int? left = due is { } d && !Settled.Contains(r.Status) ? businessCalendar.BusinessDaysBetween(today, d) : null;
            return new CaseListRow(r.Id, r.ReceiptNumber, r.ReceivedOn, r.Channel, r.Kind, r.Subject, r.Status, r.LeadDepartmentId, due, left);
        }).ToList(), total, page, size);
    }

    private static readonly CaseStatus[] Settled = [CaseStatus.Answered, CaseStatus.Completed, CaseStatus.NoAnswerNeeded];

    /// <summary>
    /// The case list's cases twice, each in the form its engine reads fastest (<see cref="CaseVisibility"/>): one to
    /// count, by key; one in the list's order (due date first, none last, then newest), which the expression index of
    /// the migration CaseListIndexes serves, so a page is read without sorting the ward's cases.
    /// </summary>
    public (IQueryable<OpinionCase> Counted, IQueryable<OpinionCase> Ordered) ListQueries(CaseActor actor, CaseListQuery query, DateOnly today, DateOnly soon)
    {
        var department = actor.DepartmentId;
        var ownDue = !actor.SeesAll && department is not null;
        IQueryable<OpinionCase> Filtered(IQueryable<OpinionCase> cases)
        {
            if (query.Status is { } status) cases = cases.Where(c => c.Status == status);
            if (query.Channel is { } channel) cases = cases.Where(c => c.Channel == channel);
            if (query.Kind is { } kind) cases = cases.Where(c => c.Kind == kind);
            if (query.DepartmentId is { } filter) cases = cases.ForwardedTo(db, filter);
            if (!string.IsNullOrWhiteSpace(query.ReceiptNumber)) { var receipt = query.ReceiptNumber.Trim(); cases = cases.Where(c => c.ReceiptNumber.Contains(receipt)); }
            if (query.From is { } from) cases = cases.Where(c => c.ReceivedOn >= from);
            if (query.To is { } to) cases = cases.Where(c => c.ReceivedOn <= to);

            switch (query.Tab)
            {
                case CaseListTab.Open:
                    cases = cases.Where(c => !Settled.Contains(c.Status));
                    break;
                case CaseListTab.DueSoon when ownDue:
                    cases = cases.Where(c => c.Forwardings.Any(f => f.DepartmentId == department && (f.Status == ForwardingStatus.Forwarded || f.Status == ForwardingStatus.InProgress) && f.DueOn >= today && f.DueOn <= soon));
                    break;
                case CaseListTab.DueSoon:
                    cases = cases.Where(c => !Settled.Contains(c.Status) && c.AnswerDue >= today && c.AnswerDue <= soon);
                    break;
                case CaseListTab.Overdue when ownDue:
                    cases = cases.Where(c => c.Forwardings.Any(f => f.DepartmentId == department && (f.Status == ForwardingStatus.Forwarded || f.Status == ForwardingStatus.InProgress) && f.DueOn < today));
                    break;
                case CaseListTab.Overdue:
                    cases = cases.Where(c => !Settled.Contains(c.Status) && c.AnswerDue < today);
                    break;
                case CaseListTab.AwaitingMyApproval:
                    if (!actor.Can(Permissions.ApproveName)) cases = cases.Where(_ => false);
                    else cases = cases.Where(c => db.Answers.Any(a => a.CaseId == c.Id && a.Status == AnswerStatus.Submitted && (actor.IsSystem || a.DepartmentId == department)));
                    break;
            }
            return cases;
        }

        var counted = Filtered(db.Cases.AsNoTracking().VisibleToByKey(db, actor));
        var ordered = Filtered(db.Cases.AsNoTracking().VisibleTo(actor))
            .OrderBy(c => c.AnswerDue == null).ThenBy(c => c.AnswerDue).ThenByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Sequence);
        return (counted, ordered);
    }

    /// <summary>The case with its categories and forwardings, or null when it does not exist or is not the actor's to see.</summary>
    public Task<OpinionCase?> FindAsync(CaseActor actor, Guid caseId, CancellationToken cancellationToken = default) =>
        db.Cases.AsNoTracking().VisibleTo(actor).Include(c => c.Categories).Include(c => c.Forwardings)
            .FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);

    public Task<CaseAnswer?> AnswerAsync(CaseActor actor, Guid caseId, CancellationToken cancellationToken = default) =>
        db.Answers.AsNoTracking().Where(a => a.CaseId == caseId && db.Cases.VisibleTo(actor).Any(c => c.Id == caseId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Business days from today to <paramref name="due"/> (negative when overdue).</summary>
    public async Task<int> BusinessDaysLeftAsync(DateOnly due, CancellationToken cancellationToken = default) =>
        (await calendar.LoadAsync(cancellationToken)).BusinessDaysBetween(JapanTime.Today(clock), due);

    /// <summary>The sender's details for someone allowed to see them; the view is written to the audit trail.</summary>
    public async Task<CaseContact?> ContactAsync(CaseActor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.ViewPersonalDataName);
        var opinionCase = await db.Cases.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new CaseNotFoundException();
        CaseContact? contact = opinionCase.Sender switch
        {
            SenderKind.Resident when opinionCase.ResidentUserId is not null =>
                await residents.FindAsync(opinionCase.ResidentUserId, cancellationToken) is { } r ? new CaseContact(r.Name, r.PostalCode, r.Address, r.Phone, r.Fax, r.Email) : null,
            SenderKind.Contact => new CaseContact(opinionCase.ContactName, opinionCase.ContactPostalCode, opinionCase.ContactAddress, opinionCase.ContactPhone, opinionCase.ContactFax, opinionCase.ContactEmail),
            _ => null,
        };
        if (contact is not null) await audit.RecordAsync(new AuditEntry("opinion.personal.viewed", "OpinionCase", caseId.ToString(), opinionCase.ReceiptNumber), cancellationToken);
        return contact;
    }

    /// <summary>Attachment list (name decrypted; no contents).</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName, string ContentType, long Size)>> AttachmentsAsync(CaseActor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == caseId, cancellationToken)) throw new CaseNotFoundException();
        var list = await db.Attachments.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.AddedAt)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Size }).ToListAsync(cancellationToken);
        return list.Select(a => (a.Id, a.FileName, a.ContentType, a.Size)).ToList();
    }

    /// <summary>An attachment's bytes for download (a scan may show personal data: audited).</summary>
    public async Task<(string FileName, string ContentType, byte[] Content)> AttachmentAsync(CaseActor actor, Guid caseId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.ViewPersonalDataName);
        if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == caseId, cancellationToken)) throw new CaseNotFoundException();
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, cancellationToken)
            ?? throw new CaseNotFoundException();
        await audit.RecordAsync(new AuditEntry("opinion.attachment.viewed", "OpinionCase", caseId.ToString(), attachment.Id.ToString()), cancellationToken);
        return (attachment.FileName, attachment.ContentType, Convert.FromBase64String(attachment.Content));
    }

    /// <summary>
    /// <paramref name="cases"/> a page at a time in 受付番号 order (keyset on 年度 and 連番, no offset), so an export, a
    /// rebuild or the statistics roll-up reads ten years of cases without holding them; the tracker is cleared between pages.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<OpinionCase>> InReceiptOrderAsync(IQueryable<OpinionCase> cases, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (year, sequence) = (int.MinValue, int.MinValue);
        while (true)
        {
            var page = await cases
                .Where(c => c.FiscalYear > year || (c.FiscalYear == year && c.Sequence > sequence))
                .OrderBy(c => c.FiscalYear).ThenBy(c => c.Sequence)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            if (page.Count > 0) yield return page;
            if (page.Count < pageSize) yield break;
            (year, sequence) = (page[^1].FiscalYear, page[^1].Sequence);
            db.ChangeTracker.Clear();
        }
    }
}
