using System.Net;
using System.Text;
using Kocho.Core.Audit;
using Kocho.Core.Modules;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Intake;
using Kocho.Privacy.Incidents;
using Kocho.Tests.Infrastructure;
using Kocho.Tests.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>
/// 特記事項 5, 11–12 and 14 on the demo staff site: staff asked to confirm text of the prohibited categories (nothing saved before,
/// the confirmation audited, the list editable, no question with Kocho.Privacy disabled); the access report of who viewed or
/// exported personal records; the incident report that mails the administrators.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PrivacyControlsTests(OpinionsSite site) : IClassFixture<OpinionsSite>
{
    private Task<int> CasesWithSubjectAsync(string subject) =>
        site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.Subject == subject));

    private static Dictionary<string, string> Letter(string subject, string body, bool confirm = false)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Channel"] = "Letter", ["Input.Kind"] = "Opinion", ["Input.Subject"] = subject, ["Input.Body"] = body, ["Input.Anonymous"] = "true",
        };
        if (confirm) form["ConfirmProhibited"] = "true";
        return form;
    }

    private Task<List<AuditRecord>> AuditAsync(string action) =>
        site.InScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Records.AsNoTracking().Where(r => r.Action == action).OrderBy(r => r.Sequence).ToListAsync());

    [Fact]
    public async Task Staff_confirm_that_recording_a_prohibited_category_is_necessary_before_anything_is_saved()
    {
        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);

        var asked = WebUtility.HtmlDecode(await (await section.PostFormAsync("/admin/opinions/new", Letter("近隣住民の件", "隣人に前科があると書かれた投書です。"))).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"prohibited-confirm\"", asked);
        Assert.Contains("犯罪：前科", asked);
        Assert.Contains("隣人に前科があると書かれた投書です。", asked); // the text is kept on the form
        Assert.Equal(0, await CasesWithSubjectAsync("近隣住民の件"));

        var saved = await section.PostFormAsync("/admin/opinions/new", Letter("近隣住民の件", "隣人に前科があると書かれた投書です。", confirm: true));
        Assert.Matches(@"^/admin/opinions/[0-9a-f-]{36}$", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var caseId = saved.RequestMessage.RequestUri.AbsolutePath.Split('/')[^1];
        Assert.Equal(1, await CasesWithSubjectAsync("近隣住民の件"));
        var confirmed = (await AuditAsync("opinion.prohibited-terms.confirmed")).Last();
        Assert.Equal(caseId, confirmed.EntityId);
        Assert.Contains("form=intake", confirmed.Details);
        Assert.Contains("犯罪:前科", confirmed.Details);
        Assert.Contains("山口", confirmed.ActorName);

        // A history entry: the same two steps on the case page.
        var casePage = $"/admin/opinions/{caseId}";
        var caseGuid = Guid.Parse(caseId);
        Task<int> Entries() => site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().History.CountAsync(h => h.CaseId == caseGuid));
        var before = await Entries();
        var entry = new Dictionary<string, string> { ["EntryAction"] = "Memo", ["Text"] = "相談者は信仰上の理由を挙げた。" };
        var second = WebUtility.HtmlDecode(await (await section.PostFormAsync(casePage, entry, handler: "Entry")).Content.ReadAsStringAsync());
        Assert.Contains("思想・信条・宗教：信仰", second);
        Assert.Equal(before, await Entries());
        entry["ConfirmProhibited"] = "true";
        await section.PostFormAsync(casePage, entry, handler: "Entry");
        Assert.Equal(before + 1, await Entries());
        Assert.Contains("form=entry", (await AuditAsync("opinion.prohibited-terms.confirmed")).Last().Details);

        // A forwarding comment and an answer draft: asked first, the form kept as entered, saved once confirmed.
        var gomi = await site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Core.Data.CoreDbContext>().Departments.Where(d => d.Code == "1102").Select(d => d.Id).SingleAsync());
        var forward = new Dictionary<string, string> { ["LeadDepartmentId"] = gomi.ToString(), ["Comment"] = "投書者は宗教団体の関係者とのことです。" };
        var askedForward = WebUtility.HtmlDecode(await (await section.PostFormAsync(casePage, forward, handler: "Forward")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"prohibited-confirm\"", askedForward);
        Assert.Contains("投書者は宗教団体の関係者とのことです。</textarea>", askedForward);
        Assert.Contains($"value=\"{gomi}\" selected=\"selected\"", askedForward);
        Task<int> Forwardings() => site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Forwardings.CountAsync(f => f.CaseId == caseGuid));
        Assert.Equal(0, await Forwardings());
        forward["ConfirmProhibited"] = "true";
        await section.PostFormAsync(casePage, forward, handler: "Forward");
        Assert.Equal(1, await Forwardings());
        Assert.Contains("form=forward", (await AuditAsync("opinion.prohibited-terms.confirmed")).Last().Details);

        using var gomiStaff = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword);
        var draft = new Dictionary<string, string> { ["HandlingKind"] = "Answer", ["Text"] = "前科の有無についてはお答えできません。" };
        var askedDraft = WebUtility.HtmlDecode(await (await gomiStaff.PostFormAsync(casePage, draft, handler: "Draft")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"prohibited-confirm\"", askedDraft);
        Assert.Contains("前科の有無についてはお答えできません。</textarea>", askedDraft);
        Task<int> Answers() => site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Answers.CountAsync(a => a.CaseId == caseGuid));
        Assert.Equal(0, await Answers());
        draft["ConfirmProhibited"] = "true";
        await gomiStaff.PostFormAsync(casePage, draft, handler: "Draft");
        Assert.Equal(1, await Answers());
        var draftConfirmed = (await AuditAsync("opinion.prohibited-terms.confirmed")).Last();
        Assert.Contains("form=draft", draftConfirmed.Details);
        Assert.Contains("林", draftConfirmed.ActorName);

        // Text without such terms is saved in one step, with no confirmation recorded.
        var count = (await AuditAsync("opinion.prohibited-terms.confirmed")).Count;
        await section.PostFormAsync("/admin/opinions/new", Letter("公園の清掃", "公園をきれいにしてください。"));
        Assert.Equal(1, await CasesWithSubjectAsync("公園の清掃"));
        Assert.Equal(count, (await AuditAsync("opinion.prohibited-terms.confirmed")).Count);
    }

    [Fact]
    public async Task The_sections_correction_of_an_approved_answer_is_asked_about_before_it_is_sent()
    {
        var registered = await site.InScopeAsync(async sp => await sp.GetRequiredService<IntakeService>().RegisterAsync(await site.SectionAsync(), new IntakeRequest
        {
            Channel = Channel.Letter, Kind = CaseKind.Inquiry, Subject = "ごみ収集日の確認", Body = "収集日を教えてください。", Sender = SenderKind.Contact,
            Name = "送信 確子", PostalCode = "1600022", Address = "新宿区新宿1-1", WantsAnswer = true, AnswerMethod = AnswerMethod.Letter,
        }));
        Assert.True(registered.Succeeded, string.Join(" ", registered.Errors.Values));
        var casePage = $"/admin/opinions/{registered.CaseId}";
        var caseGuid = registered.CaseId;
        Task<string?> Status() => site.InScopeAsync(async sp => (await sp.GetRequiredService<OpinionsDbContext>().Answers.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseGuid))?.Status.ToString());
        var gomi = await site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Core.Data.CoreDbContext>().Departments.Where(d => d.Code == "1102").Select(d => d.Id).SingleAsync());

        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        await section.PostFormAsync(casePage, new() { ["LeadDepartmentId"] = gomi.ToString(), ["Comment"] = "" }, handler: "Forward");
        using var gomiStaff = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword);
        await gomiStaff.PostFormAsync(casePage, new() { ["HandlingKind"] = "Answer", ["Text"] = "収集日は毎週火曜日です。" }, handler: "Draft");
        await gomiStaff.PostFormAsync(casePage, new() { ["Comment"] = "" }, handler: "Submit");
        using var approver = await site.Host.SignedInStaffAsync("gomi.okada", PortalHost.DemoPassword);
        await approver.PostFormAsync(casePage, new() { ["Comment"] = "" }, handler: "Approve");
        Assert.Equal("Approved", await Status());

        var send = new Dictionary<string, string> { ["Text"] = "収集日は毎週火曜日です。なお、宗教上の行事の日も収集します。", ["Comment"] = "" };
        var asked = WebUtility.HtmlDecode(await (await section.PostFormAsync(casePage, send, handler: "Send")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"prohibited-confirm\"", asked);
        Assert.Contains("思想・信条・宗教：宗教", asked);
        Assert.Contains("なお、宗教上の行事の日も収集します。</textarea>", asked); // the correction is kept on the form
        Assert.Equal("Approved", await Status());

        send["ConfirmProhibited"] = "true";
        await section.PostFormAsync(casePage, send, handler: "Send");
        Assert.Equal("Sent", await Status());
        var confirmed = (await AuditAsync("opinion.prohibited-terms.confirmed")).Last();
        Assert.Equal((registered.CaseId.ToString(), true), (confirmed.EntityId, confirmed.Details!.Contains("form=send")));
    }

    [Fact]
    public async Task Administrators_edit_the_term_list_and_with_the_privacy_module_disabled_forms_save_without_asking()
    {
        using var admin = await site.Host.SignedInStaffAsync();
        var page = await admin.GetStringAsync("/admin/privacy/prohibited-terms");
        Assert.Contains("前科", page);
        var saved = await admin.PostFormAsync("/admin/privacy/prohibited-terms", new()
        {
            ["Terms[0]"] = "宗教\n信仰", ["Terms[1]"] = "本籍地", ["Terms[2]"] = "前科\n万引き",
        });
        Assert.Contains("data-testid=\"terms-saved\"", await saved.Content.ReadAsStringAsync());
        Assert.Single(await AuditAsync("privacy.prohibited-terms.changed"));

        using var section = await site.Host.SignedInStaffAsync("kocho.yamaguchi", PortalHost.DemoPassword);
        // A term added to the list is asked about at once.
        var asked = WebUtility.HtmlDecode(await (await section.PostFormAsync("/admin/opinions/new", Letter("店舗の件", "万引きがあったとの連絡。"))).Content.ReadAsStringAsync());
        Assert.Contains("犯罪：万引き", asked);
        Assert.Equal(0, await CasesWithSubjectAsync("店舗の件"));

        // Department staff may not edit the list.
        using var staff = await site.Host.SignedInStaffAsync("hoiku.saito", PortalHost.DemoPassword);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/admin/privacy/prohibited-terms")).StatusCode);

        await site.InScopeAsync(sp => sp.GetRequiredService<ModuleManager>().DisableAsync("Kocho.Privacy"));
        try
        {
            var direct = await section.PostFormAsync("/admin/opinions/new", Letter("店舗の件", "万引きがあったとの連絡。"));
            Assert.Matches(@"^/admin/opinions/[0-9a-f-]{36}$", direct.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Equal(1, await CasesWithSubjectAsync("店舗の件"));
        }
        finally
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<ModuleManager>().EnableAsync("Kocho.Privacy"));
        }
    }

    [Fact]
    public async Task The_access_report_lists_who_viewed_or_exported_personal_records_for_administrators_and_the_section_only()
    {
        using var section = await site.Host.SignedInStaffAsync("kocho.ishikawa", PortalHost.DemoPassword);
        var registered = await site.InScopeAsync(async sp => await sp.GetRequiredService<IntakeService>().RegisterAsync(await site.SectionAsync(), new IntakeRequest
        {
            Channel = Channel.Letter, Kind = CaseKind.Request, Subject = "アクセス記録の確認用", Body = "本文です。", Sender = SenderKind.Contact,
            Name = "記録 花子", PostalCode = "1600022", Address = "新宿区新宿1-1", Phone = "03-1234-5678", AnswerMethod = AnswerMethod.Letter,
        }));
        Assert.True(registered.Succeeded, string.Join(" ", registered.Errors.Values));
        var casePath = $"/admin/opinions/{registered.CaseId}";
        await section.GetStringAsync(casePath); // the sender's details are shown: an audited view
        var folder = Path.Combine(site.Host.DataPath, $"access-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var (code, _, error) = await site.Host.RunVerbAsync("export", "opinions", "--out", folder, "--with-personal-data", "--reason", "アクセス記録の試験");
        Assert.True(code == 0, error);

        using var admin = await site.Host.SignedInStaffAsync();
        var report = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/privacy/access?user=kocho.ishikawa"));
        Assert.Contains("data-action=\"opinion.personal.viewed\"", report);
        Assert.Contains(casePath.Split('/')[^1], report);
        Assert.DoesNotContain("data-action=\"opinion.cases.exported.personal\"", report); // that was the CLI, not this user
        var everyone = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/privacy/access"));
        Assert.Contains("data-action=\"opinion.cases.exported.personal\"", everyone);

        var csv = await admin.GetAsync("/admin/privacy/access?handler=Csv&user=kocho.ishikawa");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日時,利用者,利用者ID,操作,対象の種類,対象,件数", lines[0]);
        Assert.Contains(lines, l => l.Contains("意見等の差出人情報の閲覧") && l.Contains(casePath.Split('/')[^1]));
        Assert.Single(await AuditAsync("privacy.access-report.exported"));

        // The section sees it too; department staff do not.
        Assert.Equal(HttpStatusCode.OK, (await section.GetAsync("/admin/privacy/access")).StatusCode);
        using var staff = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/admin/privacy/access")).StatusCode);
        Assert.Contains("期間が正しくありません", await admin.GetStringAsync("/admin/privacy/access?from=2026-05-01&to=2026-04-01"));
    }

    [Fact]
    public async Task A_reported_incident_is_recorded_mails_the_administrators_and_is_listed_for_them()
    {
        using var staff = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword);
        var empty = WebUtility.HtmlDecode(await (await staff.PostFormAsync("/admin/privacy/incidents/new", new() { ["Description"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains("事故の種別を選んでください。", empty);
        Assert.Contains("何が起きたかを入力してください。", empty);

        var sent = await staff.PostFormAsync("/admin/privacy/incidents/new", new()
        {
            ["Kind"] = "Misdelivery", ["OccurredOn"] = "2026-11-30", ["Description"] = "回答書を別の方（新宿 三郎 様）に郵送してしまった。", ["ActionTaken"] = "先方に連絡し回収を依頼した。",
        });
        Assert.Contains("data-testid=\"incident-sent\"", await sent.Content.ReadAsStringAsync());
        var reports = await site.InScopeAsync(sp => sp.GetRequiredService<IncidentsDbContext>().Reports.AsNoTracking().ToListAsync());
        var report = Assert.Single(reports);
        Assert.Equal((IncidentKind.Misdelivery, "林 大輔"), (report.Kind, report.ReporterName.Split(" (")[0]));
        Assert.Single(await AuditAsync("privacy.incident.reported"));

        // The administrators are mailed; the mail names no one.
        var mail = await site.Mail.WaitForAsync("joho.morita@example.jp", "【事故報告】個人情報の事故（疑い）が報告されました");
        Assert.Contains("誤送付・誤送信", mail.TextBody);
        Assert.DoesNotContain("新宿 三郎", mail.TextBody);
        Assert.Contains($"/admin/privacy/incidents/{report.Id}", mail.TextBody);

        // The description is encrypted at rest.
        var stored = await site.InScopeAsync(async sp =>
        {
            var conn = sp.GetRequiredService<IncidentsDbContext>().Database.GetDbConnection();
            await conn.OpenAsync();
            await using var command = conn.CreateCommand();
            command.CommandText = "SELECT \"Description\" FROM privacy_incident_reports";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.DoesNotContain("新宿 三郎", stored);

        // Only administrators list and read the reports.
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/admin/privacy/incidents")).StatusCode);
        using var admin = await site.Host.SignedInStaffAsync();
        Assert.Contains("data-testid=\"incident-row\"", await admin.GetStringAsync("/admin/privacy/incidents"));
        Assert.Contains("新宿 三郎", WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/privacy/incidents/{report.Id}")));
        Assert.Single(await AuditAsync("privacy.incident.viewed"));
    }
}
