using System.Globalization;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Csv;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Reporting;

/// <summary>
/// 処理履歴 as CSV (<c>export history</c>), one row per entry in time order, streamed a page at a time (keyset on time and id).
/// The free-text note may name people: it is a column only with the personal-data permission, and every export is audited.
/// </summary>
public sealed class HistoryReportExport(OpinionsDbContext db, DepartmentDirectory departments, IAuditTrail audit) : IReportExport
{
    private const int PageSize = 1000;

    public static readonly string[] Headers = ["受付番号", "日時", "処理", "所属", "担当者", "訂正"];

    public string Name => "history";
    public string Title => "処理履歴";
    public bool HasPersonalData => true;
    public bool HasFilters => true;

    public Task<int> CountAsync(ReportExportRequest request, CancellationToken cancellationToken) => Filtered(request).CountAsync(cancellationToken);

    public async Task<ReportExportResult> WriteAsync(Stream output, ReportExportRequest request, CancellationToken cancellationToken)
    {
        var names = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var csv = request.ShiftJis ? CsvTableWriter.ShiftJis(output) : CsvTableWriter.Utf8(output);
        await using (csv)
        {
            await csv.WriteRowAsync(request.WithPersonalData ? [.. Headers, "内容"] : Headers, cancellationToken);
            DateTime? at = null;
            while (true)
            {
                // Keyset on the time; entries sharing the page's last instant are read together so none is skipped.
                var query = Filtered(request);
                if (at is { } after) query = query.Where(h => h.At > after);
                var page = await Rows(query.OrderBy(h => h.At).Take(PageSize)).OrderBy(r => r.At).ToListAsync(cancellationToken);
                var full = page.Count == PageSize;
                if (full)
                {
                    var last = page[^1].At;
                    page.RemoveAll(p => p.At == last);
                    page.AddRange(await Rows(Filtered(request).Where(h => h.At == last)).ToListAsync(cancellationToken));
                }
                var notes = request.WithPersonalData ? await NotesAsync(page.Select(p => p.Id).ToList(), cancellationToken) : [];
                foreach (var h in page)
                {
                    string?[] row =
                    [
                        h.ReceiptNumber,
                        JapanTime.ToJst(h.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        OpinionLabels.Of(h.Action),
                        h.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "",
                        h.ActorName,
                        h.CorrectsId is null ? "" : "訂正",
                    ];
                    await csv.WriteRowAsync(request.WithPersonalData ? [.. row, notes.GetValueOrDefault(h.Id)] : row, cancellationToken);
                }
                if (!full) break;
                at = page[^1].At;
                db.ChangeTracker.Clear();
            }
        }
        var (rows, replaced) = (csv.Rows - 1, csv.ReplacedCharacters);
        await audit.RecordAsync(new AuditEntry(request.WithPersonalData ? "opinion.history.exported.personal" : "opinion.history.exported", "HistoryEntry", null,
            $"rows={rows} from={request.From:yyyy-MM-dd} to={request.To:yyyy-MM-dd} department={(request.DepartmentId is { } dep ? names.GetValueOrDefault(dep, "") : "")} encoding={(request.ShiftJis ? "shift_jis" : "utf-8")}{(request.Reason is { } reason ? " reason=" + reason : "")}"), cancellationToken);
        return new ReportExportResult(rows, replaced);
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public DateTime At { get; init; }
        public HistoryAction Action { get; init; }
        public Guid? DepartmentId { get; init; }
        public string ActorName { get; init; } = "";
        public Guid? CorrectsId { get; init; }
        public string ReceiptNumber { get; init; } = "";
    }

    private IQueryable<Row> Rows(IQueryable<HistoryEntry> history) =>
        history.Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new Row
        {
            Id = h.Id, At = h.At, Action = h.Action, DepartmentId = h.DepartmentId, ActorName = h.ActorName, CorrectsId = h.CorrectsId, ReceiptNumber = c.ReceiptNumber,
        });

    private IQueryable<HistoryEntry> Filtered(ReportExportRequest request)
    {
        var history = db.History.AsNoTracking();
        if (request.From is { } from) history = history.Where(h => h.At >= JapanTime.StartOfDayUtc(from));
        if (request.To is { } to) history = history.Where(h => h.At < JapanTime.StartOfDayUtc(to.AddDays(1)));
        if (request.DepartmentId is { } d)
        {
            history = history.Where(h => db.Forwardings.Any(f => f.CaseId == h.CaseId && f.DepartmentId == d && f.Status != ForwardingStatus.Returned));
        }
        return history;
    }

    private async Task<Dictionary<Guid, string?>> NotesAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.History.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Note, cancellationToken);
}
