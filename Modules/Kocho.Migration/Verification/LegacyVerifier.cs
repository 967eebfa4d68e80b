using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Faq.Legacy;
using Kocho.Migration.Import;
using Kocho.Opinions.Legacy;
using Microsoft.EntityFrameworkCore;
using static Kocho.Migration.Import.LegacyExport;

namespace Kocho.Migration.Verification;

/// <summary>
/// 動作の検証: compares the valid rows of the source files with what the database holds under the same legacy keys — row
/// counts, a checksum of every field's normalised values, and sample records side by side. Rejected rows are listed, not
/// counted as failures. Reading the cases decrypts personal data, so the comparison is recorded in the audit trail.
/// </summary>
public sealed class LegacyVerifier(UnitOfWork unitOfWork, CoreDbContext core, LegacyFaqImport faqs, LegacyCaseImport cases, IAuditTrail audit)
{
    private const int SampleSize = 3;

    private sealed record Field(string Name, bool Personal = false);

    public async Task<LegacyVerification> VerifyAsync(LegacyExport export, CancellationToken cancellationToken)
    {
        var result = new LegacyVerification();
        var departments = await core.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var codes = departments.ToDictionary(d => d.Id, d => d.Code);
        string? Code(Guid? id) => id is { } value ? codes.GetValueOrDefault(value) : null;

        var byCode = departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        Compare(result, DepartmentsFile, [new("所属名"), new("上位所属コード"), new("廃止日")],
            export.Departments.ToDictionary(d => d.Code, d => new[] { d.Name, d.ParentCode, Date(d.ClosedOn) }),
            export.Departments.Where(d => byCode.ContainsKey(d.Code)).ToDictionary(d => d.Code, d =>
            {
                var db = byCode[d.Code];
                return new[] { db.Name, Code(db.ParentId), Date(db.ValidTo) };
            }));

        var dbFaqs = (await faqs.ReadAsync(export.Faqs.Select(f => f.Number).ToList(), cancellationToken)).ToDictionary(f => f.Number.ToString(CultureInfo.InvariantCulture));
        Compare(result, FaqFile, [new("質問"), new("回答"), new("担当課コード"), new("公開区分"), new("登録日"), new("更新日"), new("閲覧数")],
            export.Faqs.ToDictionary(f => f.Number.ToString(CultureInfo.InvariantCulture), f => new[]
            {
                f.Question, f.Answer, f.OwnerCode, Visibility(f.Visibility, f.Published), Date(f.RegisteredOn), Date(f.UpdatedOn), f.ViewCount.ToString(CultureInfo.InvariantCulture),
            }),
            dbFaqs.ToDictionary(p => p.Key, p => new[]
            {
                p.Value.Question, p.Value.Answer, Code(p.Value.OwnerDepartmentId), Visibility(p.Value.Visibility, p.Value.Published),
                Date(p.Value.RegisteredOn), Date(p.Value.UpdatedOn), p.Value.ViewCount.ToString(CultureInfo.InvariantCulture),
            }));

        Field[] caseFields =
        [
            new("受付日"), new("受付媒体"), new("種別"), new("件名"), new("内容", true), new("匿名"), new("氏名", true), new("郵便番号", true),
            new("住所", true), new("電話番号", true), new("FAX番号", true), new("メールアドレス", true), new("主管課コード"), new("関係課コード"),
            new("状態"), new("回答日"), new("回答内容", true),
        ];
        var dbCases = (await cases.ReadCasesAsync(export.Cases.Select(c => c.ReceiptNumber).ToList(), cancellationToken)).ToDictionary(c => c.ReceiptNumber, StringComparer.Ordinal);
        Compare(result, CasesFile, caseFields,
            export.Cases.ToDictionary(c => c.ReceiptNumber, c => new[]
            {
                Date(c.ReceivedOn), c.Channel.ToString(), c.Kind.ToString(), c.Subject, c.Body, c.Anonymous ? "1" : "0", c.Name, c.PostalCode,
                c.Address, c.Phone, c.Fax, c.Email, c.LeadCode, string.Join(";", c.RelatedCodes.Order(StringComparer.Ordinal)),
                c.Status.ToString(), Date(c.AnsweredOn), c.Status is Kocho.Opinions.Cases.CaseStatus.Answered or Kocho.Opinions.Cases.CaseStatus.Completed ? c.AnswerText : null,
            }),
            dbCases.ToDictionary(p => p.Key, p => new[]
            {
                Date(p.Value.ReceivedOn), p.Value.Channel.ToString(), p.Value.Kind.ToString(), p.Value.Subject, p.Value.Body, p.Value.Anonymous ? "1" : "0",
                p.Value.Name, p.Value.PostalCode, p.Value.Address, p.Value.Phone, p.Value.Fax, p.Value.Email, Code(p.Value.LeadDepartmentId),
                string.Join(";", p.Value.RelatedDepartmentIds.Select(id => Code(id)).Order(StringComparer.Ordinal)),
                p.Value.Status.ToString(), Date(p.Value.AnsweredOn), p.Value.AnswerText,
            }));

        // History rows have no key of their own: compared as a multiset per case.
        var caseIds = await cases.CaseIdsAsync(export.History.Select(h => h.ReceiptNumber).Distinct().ToList(), cancellationToken);
        var dbHistory = await cases.ReadHistoryAsync(caseIds, cancellationToken);
        Field[] historyFields = [new("処理日時"), new("所属コード"), new("処理区分"), new("内容", true), new("担当者名")];
        CompareMultiset(result, HistoryFile, historyFields,
            export.History.Select(h => (h.ReceiptNumber, new[] { h.LocalAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), h.DepartmentCode, h.Action.ToString(), h.Note, h.ActorName })).ToList(),
            dbHistory.Select(h => (h.ReceiptNumber, new[] { LegacyTime.ToLocal(h.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Code(h.DepartmentId), h.Action.ToString(), h.Note, h.ActorName })).ToList());

        await unitOfWork.ExecuteAsync(ct => audit.RecordAsync(new AuditEntry("migration.legacy.verified", "LegacyExport", null,
            $"移行データの照合（個人情報を含む {export.Cases.Count} 件の意見等を復号して比較）: {(result.Passed ? "PASS" : "FAIL")}"), ct), cancellationToken);
        return result;
    }

    private static void Compare(LegacyVerification result, string file, Field[] fields, Dictionary<string, string?[]> source, Dictionary<string, string?[]> database)
    {
        var missing = source.Keys.Where(k => !database.ContainsKey(k)).ToList();
        result.Checks.Add(new(file, "件数", missing.Count == 0,
            missing.Count == 0 ? $"移行元 {source.Count} 件、データベース {source.Count} 件" : $"移行元 {source.Count} 件、データベース {source.Count - missing.Count} 件（例: {string.Join(", ", missing.Take(5))} がありません）"));
        for (var i = 0; i < fields.Length; i++)
        {
            var index = i;
            var expected = Checksum(source.Select(p => (p.Key, p.Value[index])));
            var actual = Checksum(database.Select(p => (p.Key, p.Value[index])));
            var differing = source.Keys.Where(k => database.TryGetValue(k, out var d) && d[index] != source[k][index]).ToList();
            var passed = expected == actual;
            result.Checks.Add(new(file, $"{fields[i].Name}のチェックサム", passed, passed
                ? $"一致（SHA-256 {expected[..16]}）"
                : $"不一致（移行元 {expected[..16]} / データベース {actual[..16]}）" + (differing.Count > 0 ? $": {differing.Count} 件（例: {string.Join(", ", differing.Take(5))}）" : "")));
        }
        var keys = source.Keys.Order(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, keys.Count / SampleSize);
        foreach (var key in keys.Where((_, i) => i % step == 0).Take(SampleSize))
        {
            var db = database.GetValueOrDefault(key);
            result.Samples.Add(new(file, key, fields.Select((f, i) => new LegacyVerification.SampleField(f.Name, source[key][i], db?[i], f.Personal)).ToList()));
        }
    }

    private static void CompareMultiset(LegacyVerification result, string file, Field[] fields, List<(string Key, string?[] Values)> source, List<(string Key, string?[] Values)> database)
    {
        result.Checks.Add(new(file, "件数", source.Count == database.Count, $"移行元 {source.Count} 件、データベース {database.Count} 件"));
        for (var i = 0; i < fields.Length; i++)
        {
            var index = i;
            var expected = Checksum(source.Select(r => (r.Key, r.Values[index])));
            var actual = Checksum(database.Select(r => (r.Key, r.Values[index])));
            result.Checks.Add(new(file, $"{fields[i].Name}のチェックサム", expected == actual,
                expected == actual ? $"一致（SHA-256 {expected[..16]}）" : $"不一致（移行元 {expected[..16]} / データベース {actual[..16]}）"));
        }
        foreach (var row in source.OrderBy(r => r.Key, StringComparer.Ordinal).Take(SampleSize))
        {
            var match = database.FirstOrDefault(d => d.Key == row.Key && d.Values[0] == row.Values[0] && d.Values[2] == row.Values[2]);
            result.Samples.Add(new(file, row.Key, fields.Select((f, i) => new LegacyVerification.SampleField(f.Name, row.Values[i], match.Values?[i], f.Personal)).ToList()));
        }
    }

    /// <summary>SHA-256 over the sorted "key TAB value" lines of one field.</summary>
    private static string Checksum(IEnumerable<(string Key, string? Value)> values)
    {
        var lines = values.Select(v => v.Key + "\t" + (v.Value ?? "\u2400")).Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Visibility(Kocho.Faq.Entries.FaqVisibility visibility, bool published) =>
        !published ? "非公開" : visibility == Kocho.Faq.Entries.FaqVisibility.Internal ? "内部" : "公開";
}
