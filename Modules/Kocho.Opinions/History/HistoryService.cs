using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.History;

/// <summary>
/// 処理履歴入力･検索･更新: staff add entries (call, visit, memo), search entries across the cases they may see, and
/// correct an entry — the correction is a new entry, the original stays (marked superseded), and both are audited.
/// </summary>
public sealed class HistoryService(OpinionsDbContext db, UnitOfWork unitOfWork, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>Notes are encrypted, so the text filter runs on at most this many entries matching the other filters.</summary>
    public const int TextScanLimit = 5000;

    public static readonly HistoryAction[] StaffActions = [HistoryAction.Call, HistoryAction.Visit, HistoryAction.Memo];

    public async Task<IReadOnlyList<HistoryEntry>> ForCaseAsync(CaseActor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == caseId, cancellationToken)) throw new CaseNotFoundException();
        return await db.History.AsNoTracking().Where(h => h.CaseId == caseId).OrderBy(h => h.At).ToListAsync(cancellationToken);
    }

    public async Task<HistoryEntry> AddAsync(CaseActor actor, Guid caseId, HistoryAction action, string? note, CancellationToken cancellationToken = default)
    {
        if (!StaffActions.Contains(action)) throw new OpinionException("追加できる処理履歴は、電話・来庁・訪問・メモです。");
        var text = Note(note);
        if (!actor.Can(Permissions.HandleName) && !actor.Can(Permissions.ForwardName) && !actor.Can(Permissions.LogCallsName))
            throw new OpinionException("この操作を行う権限がありません。");
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var opinionCase = await db.Cases.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new CaseNotFoundException();
            opinionCase.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            var entry = HistoryLog.Write(db, clock, caseId, actor, action, text);
            await db.SaveChangesAsync(ct);
            return entry;
        }, cancellationToken);
    }

    /// <summary>Corrects an entry's note; only the staff member who wrote it or the section may.</summary>
    public async Task<HistoryEntry> CorrectAsync(CaseActor actor, Guid entryId, string? note, CancellationToken cancellationToken = default)
    {
        var text = Note(note);
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            var original = await db.History.FirstOrDefaultAsync(h => h.Id == entryId, ct) ?? throw new CaseNotFoundException();
            if (!await db.Cases.VisibleTo(actor).AnyAsync(c => c.Id == original.CaseId, ct)) throw new CaseNotFoundException();
            if (original.SupersededById is not null) throw new OpinionException("この処理履歴は既に訂正されています。最新の記録を訂正してください。");
            var own = original.ActorId is not null && original.ActorId == actor.UserId;
            if (!own && !actor.Can(Permissions.ForwardName)) throw new OpinionException("処理履歴を訂正できるのは、記録した職員と広聴担当課です。");
            var correction = HistoryLog.Write(db, clock, original.CaseId, actor, HistoryAction.Correction, text);
            correction.CorrectsId = original.Id;
            original.SupersededById = correction.Id;
            await audit.RecordAsync(new AuditEntry("opinion.history.corrected", "OpinionCase", original.CaseId.ToString(), $"{original.Id} → {correction.Id}"), ct);
            await db.SaveChangesAsync(ct);
            return correction;
        }, cancellationToken);
    }

    public async Task<(IReadOnlyList<HistoryHit> Hits, int Total)> SearchAsync(CaseActor actor, HistorySearch search, CancellationToken cancellationToken = default)
    {
        var visible = db.Cases.AsNoTracking().VisibleTo(actor);
        var query = from h in db.History.AsNoTracking()
                    join c in visible on h.CaseId equals c.Id
                    select new { Entry = h, c.ReceiptNumber, c.Subject };
        if (search.Action is { } action) query = query.Where(x => x.Entry.Action == action);
        if (search.From is { } from) { var start = JapanTime.StartOfDayUtc(from); query = query.Where(x => x.Entry.At >= start); }
        if (search.To is { } to) { var end = JapanTime.StartOfDayUtc(to.AddDays(1)); query = query.Where(x => x.Entry.At < end); }
        if (!string.IsNullOrWhiteSpace(search.ReceiptNumber)) { var receipt = search.ReceiptNumber.Trim(); query = query.Where(x => x.ReceiptNumber == receipt); }
        query = query.OrderByDescending(x => x.Entry.At);
        var page = Math.Max(1, search.Page);
        var size = Math.Clamp(search.PageSize, 1, 200);
        if (string.IsNullOrWhiteSpace(search.Text))
        {
            var total = await query.CountAsync(cancellationToken);
            var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
            return (rows.Select(r => new HistoryHit(r.Entry, r.Entry.CaseId, r.ReceiptNumber, r.Subject)).ToList(), total);
        }
        var text = search.Text.Trim();
        var scanned = await query.Take(TextScanLimit).ToListAsync(cancellationToken);
        var matching = scanned.Where(r => (r.Entry.Note ?? "").Contains(text, StringComparison.OrdinalIgnoreCase) || r.Subject.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        return (matching.Skip((page - 1) * size).Take(size).Select(r => new HistoryHit(r.Entry, r.Entry.CaseId, r.ReceiptNumber, r.Subject)).ToList(), matching.Count);
    }

    private static string Note(string? note)
    {
        var text = (note ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0) throw new OpinionException("内容を入力してください。");
        if (text.Length > 10_000) throw new OpinionException("内容は10,000文字以内で入力してください。");
        return text;
    }
}
