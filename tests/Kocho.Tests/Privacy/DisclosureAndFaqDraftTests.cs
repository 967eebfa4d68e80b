using System.Text;
using System.Text.Json;
using Kocho.Core.Audit;
using Kocho.Core.Departments;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Handling;
using Kocho.Opinions.Intake;
using Kocho.Privacy.FaqDrafts;
using Kocho.Tests.Infrastructure;
using Kocho.Users.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>
/// Issue #9 items 4 and 5: staff turn a case with a sent answer into a FAQ draft with the personal data masked;
/// a resident downloads everything held about them from マイページ, and staff produce the same for a written request.
/// </summary>
[Collection(PrivacySite.Collection)]
[Trait("Category", "Integration")]
public sealed class DisclosureAndFaqDraftTests(PrivacySite site)
{
    [Fact]
    public async Task A_case_with_a_sent_answer_becomes_a_faq_draft_without_the_senders_data_and_the_editor_sees_what_was_masked()
    {
        var result = await site.SubmitAsync(new IntakeRequest
        {
            Kind = CaseKind.Inquiry, Subject = "粗大ごみの出し方", Sender = SenderKind.Contact, Name = "落合 次郎", Email = "jiro.ochiai@example.jp",
            Body = "落合です。粗大ごみはどう出せばよいですか。自宅は新宿区中落合四丁目1番2号、電話は03-0000-1234です。",
            WantsAnswer = true, AnswerMethod = AnswerMethod.Web, FormToken = Guid.NewGuid().ToString("N"),
        });
        var section = await site.SectionAsync();
        var draftBeforeAnswer = await site.InScopeAsync(sp => sp.GetRequiredService<FaqDraftFromCase>().BuildAsync(section, result.CaseId));
        Assert.Null(draftBeforeAnswer);
        await SendAnswerAsync(result.CaseId, "落合様、お問い合わせありがとうございます。粗大ごみは粗大ごみ受付センター（03-5296-7000）にお申し込みください。");

        var source = await site.InScopeAsync(sp => sp.GetRequiredService<FaqDraftFromCase>().BuildAsync(section, result.CaseId));
        Assert.NotNull(source);
        Assert.Equal("〔氏名〕です。粗大ごみはどう出せばよいですか。自宅は〔住所〕、電話は〔電話番号〕です。", source.Question.Text);
        Assert.Equal("〔氏名〕様、お問い合わせありがとうございます。粗大ごみは粗大ごみ受付センター（〔電話番号〕）にお申し込みください。", source.Answer.Text);
        Assert.Equal(["落合", "新宿区中落合四丁目1番2号", "03-0000-1234"], source.Question.Items.Select(i => i.Original));

        // The page: the masked list and highlighted previews, then the edited draft is saved into the FAQ workflow.
        using var staff = await site.Host.SignedInStaffAsync();
        var page = await staff.GetStringAsync($"/admin/privacy/faq-draft/{result.CaseId}");
        Assert.Contains("data-testid=\"masked-list\"", page);
        Assert.Contains("<mark>〔住所〕</mark>", page);
        Assert.Contains("新宿区中落合四丁目1番2号", page); // the administrator may view personal data: the masked value is listed
        var saved = await staff.PostFormAsync($"/admin/privacy/faq-draft/{result.CaseId}", new()
        {
            ["Input.Question"] = "粗大ごみはどう出せばよいですか。",
            ["Input.Answer"] = source.Answer.Text.Replace("〔氏名〕様、", ""),
            ["Input.Department"] = source.DepartmentCode ?? "",
            ["Input.Visibility"] = "Internal",
        });
        Assert.StartsWith("/admin/faq/", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var number = int.Parse(saved.RequestMessage.RequestUri.AbsolutePath["/admin/faq/".Length..]);
        var version = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FaqDbContext>();
            var entry = await db.Entries.AsNoTracking().SingleAsync(e => e.Number == number);
            return await db.Versions.AsNoTracking().SingleAsync(v => v.EntryId == entry.Id);
        });
        Assert.Equal("粗大ごみはどう出せばよいですか。", version.Question);
        Assert.DoesNotContain("落合", version.Answer);
        Assert.Equal(FaqVersionStatus.Draft, version.Status);
        var audited = await site.InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking().Where(r => r.Action.StartsWith("privacy.faqdraft")).ToListAsync());
        Assert.Contains(audited, r => r.Action == "privacy.faqdraft.masked.viewed" && r.EntityId == result.CaseId.ToString());
        Assert.Contains(audited, r => r.Action == "privacy.faqdraft.created" && r.EntityId == number.ToString());
    }

    [Fact]
    public async Task A_resident_downloads_what_is_held_about_them_and_staff_produce_it_for_a_written_request()
    {
        const string email = "midori.yotsuya@example.jp";
        using var resident = site.Host.PublicClient();
        await resident.PostFormAsync("/account/register", new()
        {
            ["Email"] = email, ["Password"] = "resident-pass-2026", ["Form.Name"] = "四谷 緑", ["Form.PostalCode"] = "160-0004",
            ["Form.Address"] = "新宿区四谷1-1", ["Form.Phone"] = "090-2222-3333", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        await resident.GetStringAsync(MailPickup.LinkIn(await site.Mail.WaitForAsync(email, "メールアドレスの確認のお願い")));
        await resident.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "resident-pass-2026" });
        var userId = await site.InScopeAsync(async sp => (await sp.GetRequiredService<ResidentAccounts>().FindByEmailAsync(email))!.Value.User.Id);
        var sent = await site.SubmitAsync(new IntakeRequest
        {
            Kind = CaseKind.Opinion, Subject = "四谷の図書館の開館時間", Body = "平日の夜も開けてほしいです。", Sender = SenderKind.Resident,
            ResidentUserId = userId, WantsAnswer = true, AnswerMethod = AnswerMethod.Web, FormToken = Guid.NewGuid().ToString("N"),
        });
        await SendAnswerAsync(sent.CaseId, "ご意見ありがとうございます。検討いたします。");

        Assert.Contains("data-testid=\"disclosure\"", await resident.GetStringAsync("/account"));
        Assert.Contains("1 件", await resident.GetStringAsync("/account/disclosure"));
        var json = await resident.PostFormAsync("/account/disclosure", new() { ["format"] = "json" });
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("四谷 緑", document.RootElement.GetProperty("account").GetProperty("name").GetString());
        var disclosed = document.RootElement.GetProperty("cases").EnumerateArray().Single();
        Assert.Equal(sent.ReceiptNumber, disclosed.GetProperty("receiptNumber").GetString());
        Assert.Equal("ご意見ありがとうございます。検討いたします。", disclosed.GetProperty("answers")[0].GetProperty("text").GetString());
        var csv = await resident.PostFormAsync("/account/disclosure", new() { ["format"] = "csv" });
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF区分,受付番号,項目,内容", csvText);
        Assert.Contains($"意見等,{sent.ReceiptNumber},内容,平日の夜も開けてほしいです。", csvText);
        Assert.Contains("利用者登録,,住所,新宿区四谷1-1", csvText);

        using var staff = await site.Host.SignedInStaffAsync();
        var refused = await staff.PostFormAsync("/admin/privacy/disclosure", new() { ["Email"] = email, ["RequestNumber"] = "", ["Reason"] = "", ["Format"] = "json" });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("開示請求の番号を入力してください。", refusedPage);
        var produced = await staff.PostFormAsync("/admin/privacy/disclosure", new() { ["Email"] = email, ["RequestNumber"] = "R8-0042", ["Reason"] = "本人からの書面による開示請求", ["Format"] = "json" });
        Assert.Contains("R8-0042", produced.Content.Headers.ContentDisposition!.FileName);
        using var byStaff = JsonDocument.Parse(await produced.Content.ReadAsStringAsync());
        Assert.Equal(sent.ReceiptNumber, byStaff.RootElement.GetProperty("cases")[0].GetProperty("receiptNumber").GetString());

        var audit = await site.InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking().Where(r => r.Action.StartsWith("privacy.disclosure")).ToListAsync());
        Assert.Equal(2, audit.Count(r => r.Action == "privacy.disclosure.self" && r.EntityId == userId));
        var request = Assert.Single(audit, r => r.Action == "privacy.disclosure.request");
        Assert.Contains("request=R8-0042", request.Details);
        Assert.NotNull(request.ActorId);
        Assert.DoesNotContain("四谷", string.Join(" ", audit.Select(r => r.Details)));

        // The staff's disclosure is an export of personal records: the access report lists it, with the count of cases.
        var access = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/privacy/access"));
        Assert.Contains("data-action=\"privacy.disclosure.request\"", access);
        Assert.Contains("開示請求による本人情報の出力", access);
    }

    /// <summary>Test set-up only: an answer recorded as sent (the answer workflow is tested in Opinions).</summary>
    private Task SendAnswerAsync(Guid caseId, string text) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OpinionsDbContext>();
        var department = (await sp.GetRequiredService<DepartmentDirectory>().FindByCodeAsync("1102"))!.Id;
        db.Answers.Add(new CaseAnswer { CaseId = caseId, Text = text, Status = AnswerStatus.Sent, DepartmentId = department, DraftedAt = DateTime.UtcNow, SentAt = DateTime.UtcNow, Method = AnswerMethod.Web });
        await db.SaveChangesAsync();
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Answered).SetProperty(c => c.AnsweredAt, DateTime.UtcNow).SetProperty(c => c.LeadDepartmentId, department));
    });
}
