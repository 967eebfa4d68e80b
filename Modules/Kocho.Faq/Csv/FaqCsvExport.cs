using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Csv;
using Kocho.Core.Data;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Csv;

/// <summary>
/// ＦＡＱデータのＣＳＶ出力: the latest version of every entry the actor may see (or those matching the list's filters).
/// Each export is written to the audit trail (特記事項: no copies leave the system unrecorded).
/// </summary>
public sealed class FaqCsvExport(FaqQueries queries, FaqDbContext db, FaqNames names, UnitOfWork unitOfWork, IAuditTrail audit)
{
    /// <summary>
    /// The CSV of the entries. In Shift_JIS a character CP932 has no code for is written as 〓 and counted; without
    /// <paramref name="replaceUnencodable"/> such a file is withheld (not made, not audited) so that the page can ask first,
    /// since a file with 〓 imported again would store 〓.
    /// </summary>
    public async Task<FaqCsvFile> ExportAsync(FaqActor actor, FaqFilter filter, string? encodingName, bool replaceUnencodable, CancellationToken cancellationToken)
    {
        var encoding = FaqCsvFormat.EncodingFor(encodingName);
        var (total, rows) = await queries.ListAsync(actor, filter, 0, int.MaxValue, cancellationToken);
        var categories = await names.CategoriesAsync(cancellationToken);
        var departments = await names.DepartmentsAsync(cancellationToken);
        var ids = rows.Select(r => r.EntryId).ToList();
        var latest = await db.Versions.AsNoTracking()
            .Where(v => ids.Contains(v.EntryId) && v.VersionNumber == db.Versions.Where(x => x.EntryId == v.EntryId).Max(x => x.VersionNumber))
            .ToDictionaryAsync(v => v.EntryId, cancellationToken);
        var text = new StringBuilder();
        FaqCsvFormat.WriteRecord(text, FaqCsvFormat.Header);
        foreach (var row in rows)
        {
            var version = latest[row.EntryId];
            string? top = null, sub = null;
            if (version.CategoryId is { } c && categories.TryGetValue(c, out var category))
            {
                if (category.ParentId is { } p && categories.TryGetValue(p, out var parent)) { top = parent.Name; sub = category.Name; }
                else top = category.Name;
            }
            FaqCsvFormat.WriteRecord(text, [
                row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), top, sub, version.Question, version.Answer,
                departments.GetValueOrDefault(row.OwnerDepartmentId)?.Code, string.Join("、", version.KeywordList()),
                version.Visibility == FaqVisibility.Public ? "公開" : "内部"]);
        }
        byte[] bytes;
        var replaced = 0;
        if (encoding.CodePage == 932)
        {
            (bytes, replaced) = CsvTableWriter.EncodeShiftJis(FaqCsvFormat.ToCp932Forms(text.ToString()));
            if (replaced > 0 && !replaceUnencodable) return new FaqCsvFile([], total, replaced, Withheld: true);
        }
        else
        {
            bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
        }
        await unitOfWork.ExecuteAsync(ct => audit.RecordAsync(new AuditEntry("faq.exported", "FaqEntry", null,
            $"count={total}; encoding={encoding.WebName}; replaced={replaced}; q={filter.Q}; status={filter.Status}; visibility={filter.Visibility}; actor={(actor.System ? actor.Name : "staff")}"), ct), cancellationToken);
        return new FaqCsvFile(bytes, total, replaced, Withheld: false);
    }
}
