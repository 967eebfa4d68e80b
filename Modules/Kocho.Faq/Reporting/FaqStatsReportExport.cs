using System.Globalization;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Csv;
using Kocho.Core.Reporting;
using Kocho.Faq.Csv;
using Kocho.Faq.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Reporting;

/// <summary>
/// ＦＡＱの利用統計 as CSV (<c>export faq-stats</c>): one row per entry (views, はい/いいえ, suggested/opened), then one per
/// zero-hit query. Entries are read a page at a time by number; no personal data (feedback comments are not exported).
/// </summary>
public sealed class FaqStatsReportExport(FaqDbContext db, IAuditTrail audit) : IReportExport
{
    private const int PageSize = 1000;

    public static readonly string[] Headers = ["区分", "番号", "質問・検索語", "閲覧数", "はい", "いいえ", "候補表示", "候補から表示", "検索回数", "最終検索日時"];

    public string Name => "faq-stats";
    public string Title => "FAQの利用統計";
    public bool HasPersonalData => false;
    public bool HasFilters => false;

    public async Task<int> CountAsync(ReportExportRequest request, CancellationToken cancellationToken) =>
        await db.Entries.CountAsync(cancellationToken) + await db.ZeroHitQueries.CountAsync(cancellationToken);

    public async Task<ReportExportResult> WriteAsync(Stream output, ReportExportRequest request, CancellationToken cancellationToken)
    {
        var csv = request.ShiftJis ? CsvTableWriter.ShiftJis(output) : CsvTableWriter.Utf8(output);
        string Text(string value) => request.ShiftJis ? FaqCsvFormat.ToCp932Forms(value) : value;
        await using (csv)
        {
            await csv.WriteRowAsync(Headers, cancellationToken);
            var number = int.MinValue;
            while (true)
            {
                var page = await db.Entries.AsNoTracking().Where(e => e.Number > number).OrderBy(e => e.Number).Take(PageSize)
                    .Select(e => new
                    {
                        e.Number, e.ViewCount, e.HelpfulCount, e.NotHelpfulCount,
                        Question = db.Versions.Where(v => v.Id == (e.LiveVersionId ?? e.WorkingVersionId)).Select(v => v.Question).FirstOrDefault(),
                    }).ToListAsync(cancellationToken);
                if (page.Count == 0) break;
                var (first, last) = (page[0].Number, page[^1].Number);
                var suggestions = await FaqStatisticsSource.Suggestions(db.SuggestionEvents.Where(s => s.EntryNumber >= first && s.EntryNumber <= last), cancellationToken);
                foreach (var e in page)
                {
                    var (shown, opened) = suggestions.GetValueOrDefault(e.Number);
                    await csv.WriteRowAsync(["FAQ", Number(e.Number), Text(e.Question ?? ""), Number(e.ViewCount), Number(e.HelpfulCount), Number(e.NotHelpfulCount), Number(shown), Number(opened), "", ""], cancellationToken);
                }
                if (page.Count < PageSize) break;
                number = last;
            }
            var query = "";
            while (true)
            {
                var page = await db.ZeroHitQueries.AsNoTracking().Where(q => q.Query.CompareTo(query) > 0).OrderBy(q => q.Query).Take(PageSize).ToListAsync(cancellationToken);
                foreach (var q in page)
                {
                    await csv.WriteRowAsync(["0件検索", "", Text(q.Query), "", "", "", "", "", Number(q.Count), JapanTime.ToJst(q.LastAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], cancellationToken);
                }
                if (page.Count < PageSize) break;
                query = page[^1].Query;
            }
        }
        var (rows, replaced) = (csv.Rows - 1, csv.ReplacedCharacters);
        await audit.RecordAsync(new AuditEntry("faq.stats.exported", "FaqEntry", null, $"rows={rows} encoding={(request.ShiftJis ? "shift_jis" : "utf-8")}"), cancellationToken);
        return new ReportExportResult(rows, replaced);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
