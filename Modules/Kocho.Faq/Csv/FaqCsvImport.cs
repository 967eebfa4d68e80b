using System.Globalization;
using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Faq.Approval;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Csv;

/// <summary>
/// FAQ import from CSV (<c>id,大分類,中分類,質問,回答,担当課コード,キーワード,公開区分</c>): all rows in one transaction or none,
/// with a row-numbered Japanese report. id empty = new entry, otherwise a new draft of that entry (unchanged rows are skipped).
/// Imported versions wait for approval, unless the importer may publish and asks for it.
/// </summary>
public sealed class FaqCsvImport(FaqService faq, FaqDbContext db, FaqNames names, UnitOfWork unitOfWork, IAuditTrail audit)
{
    public sealed record Result(int Created, int Updated, int Unchanged, bool Published);

    public async Task<Result> ImportAsync(byte[] content, string? encodingName, bool publish, FaqActor actor, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            var encoding = FaqCsvFormat.EncodingFor(encodingName);
            var preamble = encoding.GetPreamble();
            var skip = preamble.Length > 0 && content.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            text = encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new FaqCsvException($"ファイルを{encodingName}として読めません。文字コードの指定を確かめてください。");
        }
        catch (ArgumentException ex)
        {
            throw new FaqCsvException(ex.Message);
        }
        if (text.Contains('\uFFFD')) throw new FaqCsvException("ファイルの文字コードが指定と違うようです（読めない文字があります）。文字コードの指定を確かめてください。");
        if (publish && !actor.Has(Permissions.PublishFaqName)) throw new FaqCsvException("承認なしで公開する権限がありません。公開せずに取り込むと、承認待ちになります。");
        IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = FaqCsvFormat.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new FaqCsvException(ex.Message);
        }
        if (records.Count == 0 || !records[0].Fields.Select(f => f.Trim()).SequenceEqual(FaqCsvFormat.Header))
        {
            throw new FaqCsvException("1行目の見出しは「" + string.Join(",", FaqCsvFormat.Header) + "」にしてください。");
        }
        if (records.Count == 1) throw new FaqCsvException("取り込むFAQの行がありません。");

        var categories = (await names.CategoriesAsync(cancellationToken)).Values.ToList();
        var errors = new List<string>();
        var rows = new List<(int Line, int? Number, FaqInput Input)>();
        var seen = new HashSet<int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != FaqCsvFormat.Header.Length) { errors.Add($"{line}行目: 列の数が{fields.Count}です。{FaqCsvFormat.Header.Length}列にしてください。"); continue; }
            var f = fields.Select(x => x.Trim()).ToArray();
            int? number = null;
            if (f[0].Length > 0)
            {
                if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) { errors.Add($"{line}行目: idは空欄か正の整数にしてください。"); continue; }
                if (!seen.Add(n)) { errors.Add($"{line}行目: id {n} が重複しています。"); continue; }
                number = n;
            }
            var visibility = f[7] switch { "公開" => FaqVisibility.Public, "内部" => FaqVisibility.Internal, _ => (FaqVisibility)(-1) };
            if ((int)visibility < 0) { errors.Add($"{line}行目: 公開区分は「公開」か「内部」にしてください。"); continue; }
            string? categoryCode = null;
            if (f[1].Length > 0 || f[2].Length > 0)
            {
                var top = categories.FirstOrDefault(c => c.ParentId is null && (c.Name == f[1] || c.Code == f[1]));
                var sub = f[2].Length == 0 ? null : categories.FirstOrDefault(c => c.ParentId is not null && (top is null || c.ParentId == top.Id) && (c.Name == f[2] || c.Code == f[2]));
                if (f[1].Length > 0 && top is null) { errors.Add($"{line}行目: 大分類「{f[1]}」はありません。"); continue; }
                if (f[2].Length > 0 && sub is null) { errors.Add($"{line}行目: 中分類「{f[2]}」は{(top is null ? "" : $"大分類「{top.Name}」に")}ありません。"); continue; }
                categoryCode = (sub ?? top)!.Code;
            }
            rows.Add((line, number, new FaqInput
            {
                Question = f[3], Answer = fields[4].Trim(), Category = categoryCode, Department = f[5].Length == 0 ? null : f[5],
                Keywords = f[6], Visibility = visibility,
            }));
        }

        var created = 0;
        var updated = 0;
        var unchanged = 0;
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                foreach (var (line, number, input) in rows)
                {
                    try
                    {
                        int target;
                        if (number is { } n)
                        {
                            var entry = await faq.FindInScopeAsync(n, actor, ct) ?? throw new FaqCsvException($"{line}行目: id {n} のFAQはありません（または担当外です）。");
                            if (await SameAsLatestAsync(entry, input, actor, ct)) { unchanged++; continue; }
                            await faq.SaveDraftAsync(n, input, actor, ct);
                            target = n;
                            updated++;
                        }
                        else
                        {
                            target = (await faq.CreateAsync(input, actor, ct)).Number;
                            created++;
                        }
                        await db.SaveChangesAsync(ct);
                        if (publish) await faq.PublishDirectlyAsync(target, "CSVから取込", actor, ct);
                        else await faq.SubmitAsync(target, "CSVから取込", actor, ct);
                        await db.SaveChangesAsync(ct);
                    }
                    catch (FaqValidationException ex) { errors.AddRange(ex.Errors.Values.Select(m => $"{line}行目: {m}")); }
                    catch (FaqWorkflowException ex) { errors.Add($"{line}行目: {ex.Message}"); }
                    catch (FaqNotFoundException) { errors.Add($"{line}行目: id {number} のFAQはありません（または担当外です）。"); }
                    catch (FaqCsvException ex) { errors.AddRange(ex.Errors); }
                }
                if (errors.Count > 0) throw new FaqCsvException(errors);
                await audit.RecordAsync(new AuditEntry("faq.imported", "FaqEntry", null, $"created={created}; updated={updated}; unchanged={unchanged}; publish={publish}"), ct);
            }, cancellationToken);
        }
        catch (FaqCsvException)
        {
            throw;
        }
        if (errors.Count > 0) throw new FaqCsvException(errors);
        return new Result(created, updated, unchanged, publish);
    }

    private async Task<bool> SameAsLatestAsync(FaqEntry entry, FaqInput input, FaqActor actor, CancellationToken ct)
    {
        var latest = await db.Versions.Where(v => v.EntryId == entry.Id).OrderByDescending(v => v.VersionNumber).FirstAsync(ct);
        var (content, owner) = await faq.ValidateAsync(input, actor, entry, ct);
        static bool Same(string a, string b) => FaqCsvFormat.ToCp932Forms(a) == FaqCsvFormat.ToCp932Forms(b);
        return owner == entry.OwnerDepartmentId && Same(content.Question, latest.Question) && Same(content.Answer, latest.Answer)
            && content.CategoryId == latest.CategoryId && Same(content.Keywords, latest.Keywords) && content.Visibility == latest.Visibility;
    }
}
