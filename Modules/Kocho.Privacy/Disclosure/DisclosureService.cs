using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Kocho.Core.Audit;
using Kocho.Core.Csv;
using Kocho.Core.Protection;
using Kocho.Core.Protection.Redaction;
using Kocho.Core.Residents;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Handling;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Privacy.Disclosure;

/// <summary>
/// 開示 (issue #9 item 5): gathers what is held about a person and writes it as JSON or CSV. Every disclosure is in the
/// audit trail (self-service or a written request with its number and reason), with counts only.
/// </summary>
public sealed class DisclosureService(OpinionsDbContext opinions, IResidentDirectory residents, IPersonalDataProtector protector, IPersonalDataRedactor redactor, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxCases = 5000;

    public DisclosureSubject SubjectFor(string? residentUserId, string? email, string? phone)
    {
        string? emailHash = null, phoneHash = null;
        if (!string.IsNullOrWhiteSpace(email)) emailHash = protector.LookupHash(LookupPurpose.Email, PersonalDataNormalizer.Email(email.Normalize(NormalizationForm.FormKC).Trim()));
        if (!string.IsNullOrWhiteSpace(phone))
        {
            var digits = PersonalDataNormalizer.Phone(phone);
            if (digits.Length > 0) phoneHash = protector.LookupHash(LookupPurpose.Phone, digits);
        }
        return new DisclosureSubject(string.IsNullOrWhiteSpace(residentUserId) ? null : residentUserId, emailHash, phoneHash);
    }

    public async Task<DisclosureRecord> GatherAsync(DisclosureSubject subject, CancellationToken cancellationToken = default)
    {
        DisclosureAccount? account = null;
        if (subject.ResidentUserId is { } userId && await residents.FindAsync(userId, cancellationToken) is { } r)
        {
            account = new DisclosureAccount(r.Name, r.Email, r.PostalCode, r.Address, r.Phone, r.Fax);
        }
        var emailHash = subject.EmailHash ?? (account is null ? null : protector.LookupHash(LookupPurpose.Email, PersonalDataNormalizer.Email(account.Email)));
        // The account's verified email also finds the cases sent as a guest; its phone does not (a household shares one).
        var phoneHash = subject.PhoneHash;
        var query = opinions.Cases.AsNoTracking().Where(c =>
            (subject.ResidentUserId != null && c.ResidentUserId == subject.ResidentUserId)
            || (emailHash != null && c.ContactEmailHash == emailHash)
            || (phoneHash != null && c.ContactPhoneHash == phoneHash));
        var cases = await query.OrderBy(c => c.ReceivedOn).ThenBy(c => c.ReceiptNumber).Take(MaxCases).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var attachments = await opinions.Attachments.AsNoTracking().Where(a => ids.Contains(a.CaseId))
            .Select(a => new { a.CaseId, a.FileName, a.Size }).ToListAsync(cancellationToken);
        var answers = await opinions.Answers.AsNoTracking().Where(a => ids.Contains(a.CaseId) && a.SentAt != null).ToListAsync(cancellationToken);
        var list = cases.Select(c => new DisclosureCase(
            c.ReceiptNumber, c.ReceivedOn, OpinionLabels.Of(c.Kind), OpinionLabels.Of(c.Channel), OpinionLabels.Of(c.Status),
            c.Subject, c.Body, c.ContactName, c.ContactPostalCode, c.ContactAddress, c.ContactPhone, c.ContactFax, c.ContactEmail,
            attachments.Where(a => a.CaseId == c.Id).Select(a => $"{a.FileName} ({a.Size:N0} バイト)").ToList(),
            answers.Where(a => a.CaseId == c.Id).Select(a => new DisclosureAnswer(a.SentAt!.Value, OpinionLabels.Of(a.Method), a.Text)).ToList())).ToList();
        return new DisclosureRecord(clock.GetUtcNow().UtcDateTime, account, list);
    }

    /// <summary>
    /// Records the disclosure: who (the request's user), for whom (account id or "sender"), which request, how many
    /// cases; the staff's reason is redacted, as the audit trail holds no personal values.
    /// </summary>
    public Task RecordAsync(DisclosureSubject subject, DisclosureRecord record, string format, string? requestNumber, string? reason, CancellationToken cancellationToken = default) =>
        audit.RecordAsync(new AuditEntry(requestNumber is null ? "privacy.disclosure.self" : "privacy.disclosure.request", "Resident",
            subject.ResidentUserId ?? "sender",
            $"format={format}; cases={record.Cases.Count}" + (requestNumber is null ? "" : $"; request={requestNumber}; reason={redactor.Redact(reason).Text}")), cancellationToken);

    public static byte[] ToJson(DisclosureRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    /// <summary>One row per item: 区分, 受付番号, 項目, 内容 (UTF-8 with BOM, for Excel).</summary>
    public static async Task<byte[]> ToCsvAsync(DisclosureRecord record, CancellationToken cancellationToken = default)
    {
        var rows = new List<string?[]>();
        if (record.Account is { } a)
        {
            rows.Add(["利用者登録", "", "氏名", a.Name]);
            rows.Add(["利用者登録", "", "メールアドレス", a.Email]);
            rows.Add(["利用者登録", "", "郵便番号", a.PostalCode]);
            rows.Add(["利用者登録", "", "住所", a.Address]);
            rows.Add(["利用者登録", "", "電話番号", a.Phone]);
            rows.Add(["利用者登録", "", "FAX番号", a.Fax]);
        }
        foreach (var c in record.Cases)
        {
            void Add(string field, string? value)
            {
                if (value is not null) rows.Add(["意見等", c.ReceiptNumber, field, value]);
            }
            Add("受付日", c.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add("種別", c.Kind);
            Add("受付媒体", c.Channel);
            Add("状況", c.Status);
            Add("件名", c.Subject);
            Add("内容", c.Body);
            Add("氏名", c.ContactName);
            Add("郵便番号", c.ContactPostalCode);
            Add("住所", c.ContactAddress);
            Add("電話番号", c.ContactPhone);
            Add("FAX番号", c.ContactFax);
            Add("メールアドレス", c.ContactEmail);
            foreach (var file in c.Attachments) Add("添付ファイル", file);
            foreach (var answer in c.Answers) Add($"回答（{JapanDate(answer.SentAt)}・{answer.Method}）", answer.Text);
        }
        using var stream = new MemoryStream();
        await using (var writer = CsvTableWriter.Utf8(stream))
        {
            await writer.WriteRowAsync(["区分", "受付番号", "項目", "内容"], cancellationToken);
            foreach (var row in rows) await writer.WriteRowAsync(row, cancellationToken);
        }
        return stream.ToArray();
    }

    private static string JapanDate(DateTime utc) => Kocho.Core.Calendar.JapanTime.ToJst(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
