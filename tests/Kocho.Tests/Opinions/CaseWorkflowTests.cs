using Kocho.Core.Calendar;
using Kocho.Core.Security;
using Kocho.Opinions.Answers;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Kocho.Opinions.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Opinions;

/// <summary>
/// A case's way through the services with each role's default rights: intake, forwarding with the calendar's due
/// date, handling, approval, sending, reading with the access code; receipt numbers; history and its correction.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CaseWorkflowTests(OpinionsSite site) : IClassFixture<OpinionsSite>
{
    [Fact]
    public async Task A_guest_case_is_forwarded_answered_approved_sent_and_read_with_the_access_code()
    {
        var section = await site.SectionAsync();
        var staff = await site.ActorAsync(StandardRoles.DepartmentStaff, "0502", "中村 彩");
        var approver = await site.ActorAsync(StandardRoles.Approver, "0502", "藤田 正和");
        var otherApprover = await site.ActorAsync(StandardRoles.Approver, "1102");
        var related = await site.ActorAsync(StandardRoles.DepartmentStaff, "1102");
        var koseki = await site.DepartmentAsync("0502");
        var gomi = await site.DepartmentAsync("1102");

        var received = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().SubmitWebAsync(OpinionsSite.GuestWebCase(email: "ichiro@example.jp")));
        Assert.True(received.Succeeded, string.Join(" ", received.Errors.Values));
        Assert.Matches(@"^\d{4}-\d{6}$", received.ReceiptNumber!);
        Assert.Matches(@"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", received.AccessCode!);
        var receiptMail = await site.Mail.WaitForAsync("ichiro@example.jp", received.ReceiptNumber!);
        Assert.Contains(received.AccessCode!, receiptMail.TextBody);

        // Before forwarding, the department does not see the case at all.
        Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(staff, received.CaseId)));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => site.InScopeAsync(sp =>
            sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, received.CaseId, HandlingKind.Answer, "回答")));
        // Department staff may not forward.
        var refused = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp =>
            sp.GetRequiredService<ForwardingService>().ForwardAsync(staff, received.CaseId, new ForwardRequest(koseki, []))));
        Assert.Equal("この操作を行う権限がありません。", refused.Message);

        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, received.CaseId, new ForwardRequest(koseki, [gomi], null, "ご対応をお願いします。")));
        var forwarded = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(staff, received.CaseId));
        Assert.NotNull(forwarded);
        Assert.Equal(CaseStatus.Forwarded, forwarded.Status);
        var expectedDue = await site.InScopeAsync(sp => sp.GetRequiredService<BusinessCalendarService>().AnswerDueAsync(forwarded.ReceivedOn));
        Assert.Equal(expectedDue, forwarded.AnswerDue);
        Assert.All(forwarded.Forwardings, f => Assert.Equal(expectedDue, f.DueOn));

        // The related department records handling but may not draft the answer.
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().RecordHandlingAsync(related, received.CaseId, HandlingKind.Explanation, "駐輪場の台数を確認しました。"));
        var notLead = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp =>
            sp.GetRequiredService<HandlingService>().SaveDraftAsync(related, received.CaseId, HandlingKind.Answer, "回答")));
        Assert.Contains("主管課", notLead.Message);

        const string answerText = "ご意見ありがとうございます。駐輪場を20台分増設します。";
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, received.CaseId, HandlingKind.Answer, answerText));
        // Sending before approval is refused with the lifecycle's message.
        var early = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp =>
            sp.GetRequiredService<HandlingService>().SendAsync(section, received.CaseId, new SendRequest())));
        Assert.Equal("状態が「回答案」の意見等では「回答の送信」はできません。", early.Message);
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SubmitForApprovalAsync(staff, received.CaseId));
        // Another department's approver cannot approve it (the case is not theirs to see either).
        await Assert.ThrowsAnyAsync<Exception>(() => site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ApproveAsync(otherApprover, received.CaseId)));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().ApproveAsync(approver, received.CaseId, "確認しました。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SendAsync(section, received.CaseId, new SendRequest()));

        var read = await site.InScopeAsync(sp => sp.GetRequiredService<AnswerAccess>().WithAccessCodeAsync(received.ReceiptNumber, received.AccessCode!.ToLowerInvariant()));
        Assert.NotNull(read);
        Assert.Equal(answerText, read.AnswerText);
        Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<AnswerAccess>().WithAccessCodeAsync(received.ReceiptNumber, "AAAA-BBBB-CCCC")));

        var ready = await site.Mail.WaitForAsync("ichiro@example.jp", "回答の準備ができました");
        Assert.Contains(received.ReceiptNumber!, ready.TextBody);
        Assert.DoesNotContain("駐輪場を20台分", ready.TextBody);

        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().CloseAsync(section, received.CaseId));
        var history = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().ForCaseAsync(section, received.CaseId));
        Assert.Equal(
            [HistoryAction.Received, HistoryAction.Forwarded, HistoryAction.HandlingRecorded, HistoryAction.AnswerDrafted, HistoryAction.AnswerSubmitted,
             HistoryAction.AnswerApproved, HistoryAction.AnswerSent, HistoryAction.Closed],
            history.Select(h => h.Action));
        Assert.Equal("中村 彩", history.Single(h => h.Action == HistoryAction.AnswerDrafted).ActorName);
        Assert.Equal(koseki, history.Single(h => h.Action == HistoryAction.AnswerDrafted).DepartmentId);
    }

    [Fact]
    public async Task Concurrent_intakes_get_unique_consecutive_receipt_numbers()
    {
        var section = await site.SectionAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => site.InScopeAsync(sp =>
            sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
            {
                Channel = Channel.Letter, Kind = CaseKind.Opinion, Subject = $"投書 {i}", Body = "本文", Sender = SenderKind.Anonymous,
            }))));
        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors.Values)));
        var numbers = results.Select(r => r.ReceiptNumber!).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var sequences = numbers.Select(n => int.Parse(n[5..])).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], sequences.Count), sequences);
    }

    [Fact]
    public async Task A_letter_received_in_March_is_numbered_in_the_previous_fiscal_year()
    {
        Assert.Equal(2025, ReceiptNumbers.FiscalYearOf(new DateOnly(2026, 3, 31)));
        Assert.Equal(2026, ReceiptNumbers.FiscalYearOf(new DateOnly(2026, 4, 1)));
        Assert.Equal("2026-000123", ReceiptNumbers.Format(2026, 123));

        var section = await site.SectionAsync();
        var today = await site.InScopeAsync(sp => Task.FromResult(JapanTime.Today(sp.GetRequiredService<TimeProvider>())));
        var fiscalYear = ReceiptNumbers.FiscalYearOf(today);
        var lastMarch = new DateOnly(fiscalYear, 3, 31);
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.MayorPostcard, Subject = "はがき", Body = "3月に届いたはがき", Sender = SenderKind.Anonymous, ReceivedOn = lastMarch,
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        Assert.StartsWith($"{fiscalYear - 1}-", result.ReceiptNumber);
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.SingleAsync(c => c.Id == result.CaseId));
        Assert.Equal(lastMarch, stored.ReceivedOn);
        Assert.False(stored.AnswerRequired);
    }

    [Fact]
    public async Task A_double_submit_of_the_same_form_makes_one_case()
    {
        var request = OpinionsSite.GuestWebCase("二重送信の確認");
        var first = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().SubmitWebAsync(request));
        var again = OpinionsSite.GuestWebCase("二重送信の確認");
        again.FormToken = request.FormToken;
        var second = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().SubmitWebAsync(again));
        Assert.True(second.Repeated);
        Assert.Equal(first.ReceiptNumber, second.ReceiptNumber);
        Assert.Null(second.AccessCode);
        Assert.Equal(1, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync(c => c.FormToken == request.FormToken)));
    }

    [Fact]
    public async Task A_department_returns_a_forwarding_that_is_not_theirs_and_the_section_forwards_again()
    {
        var section = await site.SectionAsync();
        var road = await site.ActorAsync(StandardRoles.DepartmentStaff, "1002");
        var roads = await site.DepartmentAsync("1002");
        var gomi = await site.DepartmentAsync("1102");
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Phone, Kind = CaseKind.Complaint, Subject = "ごみの収集", Body = "収集が遅い", Sender = SenderKind.Contact,
            Name = "電話 太郎", Phone = "０３－１２３４－５６７８", AnswerMethod = AnswerMethod.Phone,
        }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, result.CaseId, new ForwardRequest(roads, [])));
        var forwarding = (await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(road, result.CaseId)))!.Forwardings.Single();

        var noReason = await Assert.ThrowsAsync<OpinionException>(() => site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ReturnAsync(road, forwarding.Id, " ")));
        Assert.Equal("返却の理由を入力してください。", noReason.Message);
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ReturnAsync(road, forwarding.Id, "ごみ収集は清掃事務所の所管です。"));

        // Returned: the department no longer sees it; the case is back at 受付.
        Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(road, result.CaseId)));
        var back = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(section, result.CaseId));
        Assert.Equal(CaseStatus.Received, back!.Status);
        Assert.Null(back.LeadDepartmentId);

        var due = back.ReceivedOn.AddDays(30);
        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, result.CaseId, new ForwardRequest(gomi, [], due)));
        var again = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(section, result.CaseId));
        Assert.Equal(2, again!.Forwardings.Count);
        Assert.Equal(ForwardingStatus.Returned, again.Forwardings.Single(f => f.DepartmentId == roads).Status);
        Assert.Equal("ごみ収集は清掃事務所の所管です。", again.Forwardings.Single(f => f.DepartmentId == roads).ReturnReason);
        Assert.Equal(due, again.AnswerDue);
        Assert.Equal(gomi, again.LeadDepartmentId);
    }

    [Fact]
    public async Task A_history_entry_is_corrected_with_the_original_kept()
    {
        var section = await site.SectionAsync();
        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
        {
            Channel = Channel.Visit, Subject = "来庁相談", Body = "窓口で相談", Sender = SenderKind.Anonymous,
        }));
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().AddAsync(section, result.CaseId, HistoryAction.Call, "折り返し電話をしたが不在"));
        var correction = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().CorrectAsync(section, entry.Id, "折り返し電話をして説明した"));

        var history = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().ForCaseAsync(section, result.CaseId));
        var original = history.Single(h => h.Id == entry.Id);
        Assert.Equal("折り返し電話をしたが不在", original.Note);
        Assert.Equal(correction.Id, original.SupersededById);
        Assert.Equal(entry.Id, history.Single(h => h.Action == HistoryAction.Correction).CorrectsId);

        var (hits, total) = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().SearchAsync(section, new HistorySearch(Text: "電話をして説明")));
        Assert.Equal(1, total);
        Assert.Equal(result.ReceiptNumber, hits.Single().ReceiptNumber);
        // A department that the case was never forwarded to finds nothing.
        var other = await site.ActorAsync(StandardRoles.DepartmentStaff, "0803");
        var (none, zero) = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().SearchAsync(other, new HistorySearch(Text: "電話をして説明")));
        Assert.Empty(none);
        Assert.Equal(0, zero);
    }

    [Fact]
    public async Task A_recipe_runs_a_case_through_every_step_in_one_transaction()
    {
        var roads = await site.DepartmentAsync("1002");
        var closedId = await site.InScopeAsync(async sp =>
        {
            var system = CaseActor.System("デモデータ");
            return await sp.GetRequiredService<Kocho.Core.Data.UnitOfWork>().ExecuteAsync(async ct =>
            {
                var intake = await sp.GetRequiredService<IntakeService>().RegisterAsync(system, new IntakeRequest
                {
                    Channel = Channel.Fax, Subject = "デモの意見", Body = "デモの本文", Sender = SenderKind.Contact, Name = "デモ 太郎",
                    Fax = "03-3209-9999", Phone = "03-3209-9998", AnswerMethod = AnswerMethod.Phone, DepartmentId = roads,
                }, ct);
                Assert.True(intake.Succeeded, string.Join(" ", intake.Errors.Values));
                var handling = sp.GetRequiredService<HandlingService>();
                await handling.RecordHandlingAsync(system, intake.CaseId, HandlingKind.Action, "現地を確認", ct);
                await handling.SaveDraftAsync(system, intake.CaseId, HandlingKind.Answer, "補修しました。", ct);
                await handling.SubmitForApprovalAsync(system, intake.CaseId, null, ct);
                await handling.ApproveAsync(system, intake.CaseId, null, ct);
                await handling.SendAsync(system, intake.CaseId, new SendRequest(Note: "電話で説明した"), ct);
                await handling.CloseAsync(system, intake.CaseId, null, ct);
                return intake.CaseId;
            });
        });
        var section = await site.SectionAsync();
        var closed = await site.InScopeAsync(sp => sp.GetRequiredService<CaseQueries>().FindAsync(section, closedId));
        Assert.Equal(CaseStatus.Completed, closed!.Status);
        Assert.Equal(ForwardingStatus.Completed, closed.Forwardings.Single().Status);
        var history = await site.InScopeAsync(sp => sp.GetRequiredService<HistoryService>().ForCaseAsync(section, closedId));
        Assert.Equal("電話: 電話で説明した", history.Single(h => h.Action == HistoryAction.AnswerSent).Note);
    }
}
