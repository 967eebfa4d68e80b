using Kocho.Alerts.Inbox;
using Kocho.Alerts.Rules;
using Kocho.Faq.Entries;
using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Alerts;

/// <summary>
/// Event-driven alerts end to end: a case's forwarding, its return, the answer's approval request and its return, and the
/// FAQ approval steps each reach the right people's inbox and, through the outbox, their mailbox on a real SMTP server.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AlertsCollection.Name)]
public sealed class AlertEventTests(AlertsSite site)
{
    [Fact]
    public async Task A_case_forwarded_returned_submitted_and_returned_alerts_each_responsible_person()
    {
        var received = await site.ReceiveAsync("道路の穴について（イベント）");
        var section = await site.ActorAsync("kocho.yamaguchi");
        var koseki = await site.DepartmentAsync("0502");
        var gomi = await site.DepartmentAsync("1102");

        await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, received.CaseId, new ForwardRequest(koseki, [gomi])));

        // 転送: both members of the lead department and the related department's member, by inbox and mail.
        foreach (var login in (string[])["koseki.nakamura", "koseki.fujita", "gomi.hayashi"])
        {
            var alert = Assert.Single(await site.AlertsAsync(login, received.CaseId, AlertKind.CaseForwarded));
            Assert.True(alert.InInbox);
            Assert.Null(alert.ReadAt);
            Assert.Equal($"/admin/opinions/{received.CaseId}", alert.Link);
            Assert.Equal(AlertMailState.Mailed, alert.MailState);
        }
        Assert.Empty(await site.AlertsAsync("kocho.yamaguchi", received.CaseId));
        var mail = await site.MailAsync("koseki.nakamura", "意見等の転送", received.ReceiptNumber!);
        Assert.Contains("中村 彩 様", mail.TextBody);
        Assert.Contains("主管課として転送されました。回答期限：", mail.TextBody);
        Assert.Contains(new Uri(site.Host.StaffUrl, $"/admin/opinions/{received.CaseId}").ToString(), mail.TextBody);
        // No personal data of the resident, and not the subject (a resident may write anything there).
        foreach (var secret in (string[])["新宿 一郎", "ichiro.shinjuku@example.com", "03-1111-2222", "歌舞伎町", "道路の穴"])
        {
            Assert.DoesNotContain(secret, mail.TextBody);
            Assert.DoesNotContain(secret, mail.Subject);
        }

        // 転送の差戻し: the related department returns its forwarding; the section's public-hearing staff hear of it, the call center does not.
        var forwardingId = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Forwardings
            .Where(f => f.CaseId == received.CaseId && f.DepartmentId == gomi).Select(f => f.Id).SingleAsync());
        await site.InScopeAsync(async sp => await sp.GetRequiredService<ForwardingService>().ReturnAsync(await site.ActorAsync("gomi.hayashi"), forwardingId, "当課の所管ではありません。"));
        var returned = Assert.Single(await site.AlertsAsync("kocho.yamaguchi", received.CaseId, AlertKind.ForwardingReturned));
        Assert.Contains("ごみ減量リサイクル課から転送が差し戻されました", returned.Detail);
        Assert.Empty(await site.AlertsAsync("cc.onodera", received.CaseId));
        await site.MailAsync("kocho.yamaguchi", "転送の差戻し", received.ReceiptNumber!);

        // 承認依頼: only the department's approver.
        var staff = await site.ActorAsync("koseki.nakamura");
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, received.CaseId, HandlingKind.Answer, "補修します。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SubmitForApprovalAsync(staff, received.CaseId));
        Assert.Single(await site.AlertsAsync("koseki.fujita", received.CaseId, AlertKind.AnswerAwaitingApproval));
        Assert.Empty(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.AnswerAwaitingApproval));
        await site.MailAsync("koseki.fujita", "回答の承認依頼", received.ReceiptNumber!);

        // 回答の差戻し: back to the department's staff.
        await site.InScopeAsync(async sp => await sp.GetRequiredService<HandlingService>().ReturnAnswerAsync(await site.ActorAsync("koseki.fujita"), received.CaseId, "表現を見直してください。"));
        Assert.Single(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.AnswerReturned));
        Assert.Empty(await site.AlertsAsync("koseki.fujita", received.CaseId, AlertKind.AnswerReturned));
        var back = await site.MailAsync("koseki.nakamura", "回答の差戻し", received.ReceiptNumber!);
        Assert.DoesNotContain("表現を見直して", back.TextBody);
    }

    [Fact]
    public async Task A_FAQ_entry_asked_returned_and_approved_alerts_its_approver_and_its_editors()
    {
        var system = FaqActor.SystemActor("テスト");
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().CreateAsync(new FaqInput
        {
            Question = "住民票の写しはどこで取れますか（アラート）", Answer = "区役所本庁舎1階と各特別出張所で取れます。", Department = "0502", Visibility = FaqVisibility.Public,
        }, system));

        await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().SubmitAsync(entry.Number, "確認をお願いします。", system));
        var asked = Assert.Single(await site.AlertsAsync("koseki.fujita", entry.Id, AlertKind.FaqApprovalRequested));
        Assert.Equal($"/admin/faq/{entry.Number}", asked.Link);
        Assert.StartsWith($"FAQ No.{entry.Number} 住民票の写しはどこで取れますか", asked.Title);
        Assert.Empty(await site.AlertsAsync("koseki.nakamura", entry.Id));
        var mail = await site.MailAsync("koseki.fujita", "FAQの承認依頼", $"No.{entry.Number}");
        Assert.Contains(new Uri(site.Host.StaffUrl, $"/admin/faq/{entry.Number}").ToString(), mail.TextBody);

        await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().ReturnAsync(entry.Number, "出張所の一覧を加えてください。", system));
        Assert.Single(await site.AlertsAsync("koseki.nakamura", entry.Id, AlertKind.FaqReturned));
        await site.MailAsync("koseki.nakamura", "FAQの差戻し", $"No.{entry.Number}");

        await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().SubmitAsync(entry.Number, null, system));
        await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().ApproveAsync(entry.Number, null, system));
        var approved = Assert.Single(await site.AlertsAsync("koseki.nakamura", entry.Id, AlertKind.FaqApproved));
        Assert.Contains("承認されました", approved.Detail);
        await site.MailAsync("koseki.nakamura", "FAQの承認：", $"No.{entry.Number}");
        // The second request of the same day is the same alert: raised once per business day.
        Assert.Single(await site.AlertsAsync("koseki.fujita", entry.Id, AlertKind.FaqApprovalRequested));
    }
}
