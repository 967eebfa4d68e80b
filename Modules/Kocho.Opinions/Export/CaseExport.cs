using Kocho.Core.Csv;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Residents;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Export;

/// <summary>
/// 意見等の一覧 as CSV, one row per case, streamed a page at a time (keyset on 受付番号, no tracking) so a ward's ten
/// years never sit in memory. The sender's details and the free text are columns only when asked for; such an
/// export is a copy of personal data outside the system and is written to the audit trail (who, rows, filters).
/// </summary>
public sealed class CaseExport(OpinionsDbContext db, CaseQueries queries, CoreDbContext core, DepartmentDirectory departments, IResidentDirectory residents, IAuditTrail audit,
    Kocho.Core.Protection.Redaction.IPersonalDataRedactor redactor)
{
    private const int PageSize = 500;

    public static readonly string[] Headers =
        ["受付番号", "受付日", "受付媒体", "種別", "件名", "状態", "主管課", "関係課", "回答期限", "回答日", "完了日", "分類", "回答方法", "差出人"];

    public static readonly string[] PersonalHeaders = ["氏名", "郵便番号", "住所", "電話番号", "FAX", "メールアドレス", "内容", "回答"];

    public sealed record Result(int Rows, int ReplacedCharacters);

    public async Task<Result> WriteAsync(Stream output, CaseExportOptions options, CancellationToken cancellationToken = default)
    {
        var names = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var categories = await core.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        // Recorded before the first row is read: a copy of personal data is audited even if writing it fails half way.
        var expected = await Filtered(options).CountAsync(cancellationToken);
        var filters = $"from={options.From:yyyy-MM-dd} to={options.To:yyyy-MM-dd} department={(options.DepartmentId is { } d && names.TryGetValue(d, out var n) ? n : "")} encoding={(options.ShiftJis ? "shift_jis" : "utf-8")}{(options.Reason is { } reason ? " reason=" + reason : "")}";
        await audit.RecordAsync(new AuditEntry(
            options.WithPersonalData ? "opinion.cases.exported.personal" : "opinion.cases.exported",
            "OpinionCase", null, $"rows={expected} {filters}"), cancellationToken);
        var csv = options.ShiftJis ? CsvTableWriter.ShiftJis(output) : CsvTableWriter.Utf8(output);
        await using (csv)
        {
            await csv.WriteRowAsync(options.WithPersonalData ? [.. Headers, .. PersonalHeaders] : Headers, cancellationToken);
            var pages = queries.InReceiptOrderAsync(Filtered(options).AsNoTracking().AsSplitQuery().Include(c => c.Forwardings).Include(c => c.Categories), PageSize, cancellationToken);
            await foreach (var page in pages)
            {
                var answers = options.WithPersonalData ? await AnswersAsync(page, cancellationToken) : [];
                foreach (var c in page)
                {
                    await csv.WriteRowAsync(await RowAsync(c, names, categories, answers, options.WithPersonalData, cancellationToken), cancellationToken);
                }
            }
        }
        // Read after the last flush: characters are encoded (and replaced) only when written out.
        var (rows, replaced) = (csv.Rows - 1, csv.ReplacedCharacters);
        return new Result(rows, replaced);
    }

    /// <summary>The rows an export with these filters will hold (for progress).</summary>
    public Task<int> CountAsync(CaseExportOptions options, CancellationToken cancellationToken) => Filtered(options).CountAsync(cancellationToken);

    private IQueryable<OpinionCase> Filtered(CaseExportOptions options)
    {
        var cases = db.Cases.AsQueryable();
        if (options.From is { } from) cases = cases.Where(c => c.ReceivedOn >= from);
        if (options.To is { } to) cases = cases.Where(c => c.ReceivedOn <= to);
        if (options.DepartmentId is { } department)
        {
            cases = cases.Where(c => c.Forwardings.Any(f => f.DepartmentId == department && f.Status != ForwardingStatus.Returned));
        }
        return cases;
    }

    private async Task<Dictionary<Guid, string>> AnswersAsync(IReadOnlyList<OpinionCase> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(c => c.Id).ToList();
        return await db.Answers.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToDictionaryAsync(a => a.CaseId, a => a.Text, cancellationToken);
    }

    private async Task<string?[]> RowAsync(OpinionCase c, Dictionary<Guid, string> names, Dictionary<Guid, string> categories,
        Dictionary<Guid, string> answers, bool personal, CancellationToken cancellationToken)
    {
        var active = c.Forwardings.Where(f => f.IsActive).ToList();
        string Name(Guid id) => names.GetValueOrDefault(id, "");
        var row = new List<string?>
        {
            c.ReceiptNumber,
            Date(c.ReceivedOn),
            OpinionLabels.Of(c.Channel),
            OpinionLabels.Of(c.Kind),
            // Without the personal-data columns the subject, which residents may fill with names or numbers, is redacted (issue #9 item 3).
            personal ? c.Subject : redactor.Redact(c.Subject, [c.ContactName, c.ContactAddress, c.ContactPhone, c.ContactFax, c.ContactEmail, c.ContactPostalCode]).Text,
            OpinionLabels.Of(c.Status),
            c.LeadDepartmentId is { } lead ? Name(lead) : "",
            string.Join("、", active.Where(f => f.Role == ForwardingRole.Related).Select(f => Name(f.DepartmentId))),
            c.AnswerDue is { } due ? Date(due) : "",
            c.AnsweredAt is { } answered ? Date(DateOnly.FromDateTime(JapanTime.ToJst(answered))) : "",
            c.ClosedAt is { } closed ? Date(DateOnly.FromDateTime(JapanTime.ToJst(closed))) : "",
            string.Join("、", c.Categories.Select(x => categories.GetValueOrDefault(x.CategoryId, ""))),
            OpinionLabels.Of(c.AnswerMethod),
            OpinionLabels.Of(c.Sender),
        };
        if (personal)
        {
            var contact = new CaseContact(c.ContactName, c.ContactPostalCode, c.ContactAddress, c.ContactPhone, c.ContactFax, c.ContactEmail);
            if (c.ResidentUserId is not null && await residents.FindAsync(c.ResidentUserId, cancellationToken) is { } r)
            {
                contact = new CaseContact(r.Name, r.PostalCode, r.Address, r.Phone, r.Fax, r.Email);
            }
            row.AddRange([contact.Name, contact.PostalCodeDisplay, contact.Address, contact.Phone, contact.Fax, contact.Email, c.Body, answers.GetValueOrDefault(c.Id)]);
        }
        return [.. row];
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
