using Kocho.Core.Calendar;
using Kocho.Core.Security;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.Intake;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// 進捗管理 and the other intake paths: the lists by due date (overdue, due within 3 business days) with business days
/// left, awaiting my approval, the call center's forwarded call, an e-mail answer, and an anonymous case closed without one.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProgressTests(OpinionsSite site) : IClassFixture<OpinionsSite>
{
    private async Task<IntakeResult> LetterAsync(CaseActor section, string subject, DateOnly? receivedOn = null, bool anonymous = false) =>
        await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Letter, Subject = subject, Body = "本文", ReceivedOn = receivedOn,
            Sender = anonymous ? SenderKind.Anonymous : SenderKind.Contact, Name = "投書 太郎", PostalCode = "1600022", Address = "新宿区新宿1-1",
            AnswerMethod = AnswerMethod.Letter,
        }));

    [Fact]
    public async Task The_department_sees_its_overdue_and_due_soon_cases_with_business_days_left()
    {
        var section = await site.SectionAsync();
        var hoiku = await site.DepartmentAsync("0803");
        var staff = await site.ActorAsync(StandardRoles.DepartmentStaff, "0803");
        var (today, calendar) = await site.InScopeAsync(async sp => (JapanTime.Today(sp.GetRequiredService<TimeProvider>()), await sp.GetRequiredService<BusinessCalendarService>().LoadAsync()));

        var late = await LetterAsync(section, "期限を過ぎた投書", today.AddDays(-60));
        var soon = await LetterAsync(section, "期限が近い投書");
        var later = await LetterAsync(section, "期限に余裕のある投書");
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, late.CaseId, new ForwardRequest(hoiku, [])));
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, soon.CaseId, new ForwardRequest(hoiku, [], calendar.AddBusinessDays(today, 2))));
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, later.CaseId, new ForwardRequest(hoiku, [])));

        var overdue = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(staff, new CaseListQuery(CaseListTab.Overdue)));
        var row = Assert.Single(overdue.Rows);
        Assert.Equal(late.ReceiptNumber, row.ReceiptNumber);
        var lateDue = calendar.AddBusinessDays(today.AddDays(-60), BusinessCalendarService.DefaultAnswerBusinessDays);
        Assert.Equal(lateDue, row.DueOn);
        Assert.Equal(calendar.BusinessDaysBetween(today, lateDue), row.BusinessDaysLeft);
        Assert.True(row.BusinessDaysLeft < 0);

        var dueSoon = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(staff, new CaseListQuery(CaseListTab.DueSoon)));
        Assert.Equal(soon.ReceiptNumber, Assert.Single(dueSoon.Rows).ReceiptNumber);
        Assert.Equal(2, dueSoon.Rows[0].BusinessDaysLeft);

        var mine = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(staff, new CaseListQuery(CaseListTab.Mine, PageSize: 2)));
        Assert.Equal(3, mine.Total);
        Assert.Equal(2, mine.Rows.Count);
        Assert.Equal(2, mine.Pages);
        Assert.Equal(late.ReceiptNumber, mine.Rows[0].ReceiptNumber);

        // Another department's list holds none of them; the section's holds all three.
        var other = await site.ActorAsync(StandardRoles.DepartmentStaff, "1102");
        Assert.Equal(0, (await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(other, new CaseListQuery(CaseListTab.Overdue)))).Total);
        var all = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(section, new CaseListQuery(CaseListTab.Mine, DepartmentId: hoiku)));
        Assert.Equal(3, all.Total);
    }

    [Fact]
    public async Task An_approver_sees_only_their_own_departments_answers_awaiting_approval()
    {
        var section = await site.SectionAsync();
        var gomi = await site.DepartmentAsync("1102");
        var staff = await site.ActorAsync(StandardRoles.DepartmentStaff, "1102");
        var approver = await site.ActorAsync(StandardRoles.Approver, "1102");
        var otherApprover = await site.ActorAsync(StandardRoles.Approver, "1002");
        var result = await LetterAsync(section, "資源ごみの回収日");
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, result.CaseId, new ForwardRequest(gomi, [])));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, result.CaseId, HandlingKind.Explanation, "回収日は毎週水曜日です。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SubmitForApprovalAsync(staff, result.CaseId));

        var waiting = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(approver, new CaseListQuery(CaseListTab.AwaitingMyApproval)));
        Assert.Contains(waiting.Rows, r => r.Id == result.CaseId);
        var notMine = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ListAsync(otherApprover, new CaseListQuery(CaseListTab.AwaitingMyApproval)));
        Assert.DoesNotContain(notMine.Rows, r => r.Id == result.CaseId);
        // Department staff may not approve.
        await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ApproveAsync(staff, result.CaseId)));

        // The approver returns it; the department revises; the case is a draft again.
        var noReason = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ReturnAnswerAsync(approver, result.CaseId, "")));
        Assert.Equal("差戻しの理由を入力してください。", noReason.Message);
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ReturnAnswerAsync(approver, result.CaseId, "回収場所も書いてください。"));
        var returned = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(staff, result.CaseId));
        Assert.Equal(CaseStatus.Drafted, returned!.Status);
        var answer = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().AnswerAsync(staff, result.CaseId));
        Assert.Equal(AnswerStatus.Returned, answer!.Status);
        Assert.Equal("回収場所も書いてください。", answer.ReturnReason);
    }

    [Fact]
    public async Task The_call_center_logs_a_call_that_arrives_forwarded_with_the_callback_number()
    {
        var operatorActor = await site.ActorAsync(StandardRoles.CallCenter, "010302", "小野寺 由紀");
        var roads = await site.DepartmentAsync("1002");
        var missing = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().LogCallAsync(operatorActor, new IntakeRequest
        {
            Kind = CaseKind.Inquiry, Subject = "道路の陥没", Body = "大久保通りに穴がある", Name = "通報 一郎",
        }));
        Assert.Equal("折り返し先の電話番号を入力してください。", missing.Errors["Phone"]);
        Assert.Equal("転送先の所属を選んでください。", missing.Errors["DepartmentId"]);

        var logged = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().LogCallAsync(operatorActor, new IntakeRequest
        {
            Kind = CaseKind.Inquiry, Subject = "道路の陥没", Body = "大久保通りに穴がある", Name = "通報 一郎", Phone = "03-3209-1111",
            DepartmentId = roads, ForwardComment = "至急の確認を希望",
        }));
        Assert.True(logged.Succeeded, string.Join(" ", logged.Errors.Values));
        var road = await site.ActorAsync(StandardRoles.DepartmentStaff, "1002");
        var seen = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(road, logged.CaseId));
        Assert.NotNull(seen);
        Assert.Equal(Channel.CallCenter, seen.Channel);
        Assert.Equal(CaseStatus.Forwarded, seen.Status);
        Assert.True(seen.AnswerRequired);
        Assert.Equal(AnswerMethod.Phone, seen.AnswerMethod);
        Assert.Equal("至急の確認を希望", seen.Forwardings.Single().Comment);
        var contact = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().ContactAsync(road, logged.CaseId));
        Assert.Equal("03-3209-1111", contact!.Phone);
        // The operator sees the call they logged, but may not handle it.
        Assert.NotNull(await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(operatorActor, logged.CaseId)));
        await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(operatorActor, logged.CaseId, HandlingKind.Answer, "回答")));
    }

    [Fact]
    public async Task An_email_answer_is_mailed_with_its_text_and_an_anonymous_case_closes_without_an_answer()
    {
        var section = await site.SectionAsync();
        var koseki = await site.DepartmentAsync("0502");
        var staff = await site.ActorAsync(StandardRoles.DepartmentStaff, "0502");
        var approver = await site.ActorAsync(StandardRoles.Approver, "0502");
        var mailed = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Email, Subject = "印鑑登録", Body = "手続きを教えて", Sender = SenderKind.Contact, Name = "メール 花子",
            Email = "mail.hanako@example.jp", AnswerMethod = AnswerMethod.Email, DepartmentId = koseki,
        }));
        Assert.True(mailed.Succeeded, string.Join(" ", mailed.Errors.Values));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, mailed.CaseId, HandlingKind.Answer, "本人確認書類をお持ちください。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SubmitForApprovalAsync(staff, mailed.CaseId));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ApproveAsync(approver, mailed.CaseId));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SendAsync(section, mailed.CaseId, new SendRequest("本人確認書類（運転免許証など）をお持ちください。")));
        var mail = await site.Mail.WaitForAsync("mail.hanako@example.jp", "お問い合わせへの回答");
        Assert.Contains("本人確認書類（運転免許証など）をお持ちください。", mail.TextBody);

        var anonymous = await LetterAsync(section, "匿名の投書", anonymous: true);
        var refused = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SendAsync(section, anonymous.CaseId, new SendRequest())));
        Assert.Equal("状態が「受付」の意見等では「回答の送信」はできません。", refused.Message);
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().CloseAsync(section, anonymous.CaseId, "担当課に情報提供"));
        var closed = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(section, anonymous.CaseId));
        Assert.Equal(CaseStatus.NoAnswerNeeded, closed!.Status);

        // A case that needs an answer cannot be closed before it is sent.
        var letter = await LetterAsync(section, "回答が必要な投書");
        var early = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().CloseAsync(section, letter.CaseId)));
        Assert.Equal("回答が必要な意見等は、回答を送信してから完了にしてください。", early.Message);
    }
}
