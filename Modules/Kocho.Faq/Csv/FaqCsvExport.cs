using System.Text;
using Kocho.Core.Audit;
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
    public async Task<(byte[] Content, int Count)> ExportAsync(FaqActor actor, FaqFilter filter, string? encodingName, CancellationToken cancellationToken)
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
        try
        {
            var csv = encoding.CodePage == 932 ? FaqCsvFormat.ToCp932Forms(text.ToString()) : text.ToString();
            bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(csv)];
        }
        catch (EncoderFallbackException ex)
        {
            throw new FaqCsvException($"Shift_JIS で表せない文字（{ex.CharUnknown}）があります。UTF-8 で出力してください。");
        }
        await unitOfWork.ExecuteAsync(ct => audit.RecordAsync(new AuditEntry("faq.exported", "FaqEntry", null,
            $"count={total}; encoding={encoding.WebName}; q={filter.Q}; status={filter.Status}; visibility={filter.Visibility}; actor={(actor.System ? actor.Name : "staff")}"), ct), cancellationToken);
        return (bytes, total);
    }
}
