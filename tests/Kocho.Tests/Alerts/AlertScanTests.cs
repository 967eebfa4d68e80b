using Kocho.Alerts.Data;
using Kocho.Alerts.Delivery;
using Kocho.Alerts.Inbox;
using Kocho.Alerts.Preferences;
using Kocho.Alerts.Rules;
using Kocho.Alerts.Scans;
using Kocho.Core.Calendar;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Alerts;

/// <summary>
/// The morning scans for the business days a case lives through: 3 and 1 business days before its 回答期限, every morning
/// after it until it is answered, a case left unforwarded, an FAQ entry due for review; each alert once per business day;
/// and the digest for those who chose it.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AlertsCollection.Name)]
public sealed class AlertScanTests(AlertsSite site)
{
    private Task<IReadOnlyDictionary<AlertKind, int>> ScanAsync(DateOnly date) =>
        site.InScopeAsync(sp => sp.GetRequiredService<AlertScanner>().ScanAsync(date, CancellationToken.None));

    [Fact]
    public async Task A_forwarded_case_is_due_soon_at_three_and_one_business_days_then_overdue_each_morning_until_answered()
    {
        var calendar = await site.CalendarAsync();
        var today = await site.TodayAsync();
        var received = await site.ReceiveAsync("道路の穴について（期限）", today);
        var section = await site.ActorAsync("kocho.yamaguchi");
        await site.InScopeAsync(async sp => await sp.GetRequiredService<ForwardingService>().ForwardAsync(section, received.CaseId, new ForwardRequest(await site.DepartmentAsync("0502"), [])));
        var due = await site.InScopeAsync(sp => sp.GetRequiredService<Kocho.Opinions.Data.OpinionsDbContext>().Forwardings
            .Where(f => f.CaseId == received.CaseId).Select(f => f.DueOn).SingleAsync());
        Assert.True(calendar.BusinessDaysBetween(today, due) > 5);
        DateOnly DaysBefore(int n) => Enumerable.Range(1, 60).Select(i => due.AddDays(-i)).First(d => calendar.IsBusinessDay(d) && calendar.BusinessDaysBetween(d, due) == n);

        await ScanAsync(DaysBefore(4));
        Assert.Empty(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.DueSoon));

        await ScanAsync(DaysBefore(3));
        var soon = Assert.Single(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.DueSoon));
        Assert.Equal(DaysBefore(3), soon.BusinessDate);
        Assert.Contains("（あと3業務日）", soon.Detail);
        var mail = await site.MailAsync("koseki.nakamura", "回答期限が近い意見等", received.ReceiptNumber!);
        Assert.Contains($"回答期限：{due.Year}年{due.Month}月{due.Day}日（あと3業務日）", mail.TextBody);
        Assert.DoesNotContain("新宿 一郎", mail.TextBody);

        // Once per business day: the same morning scanned again raises nothing new, and mails nothing new.
        await ScanAsync(DaysBefore(3));
        Assert.Single(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.DueSoon));

        await ScanAsync(DaysBefore(2));
        Assert.Single(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.DueSoon));
        await ScanAsync(DaysBefore(1));
        Assert.Equal(2, (await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.DueSoon)).Count);
        Assert.Equal(2, await site.MailCountAsync("koseki.nakamura", 2, "回答期限が近い意見等", received.ReceiptNumber!));

        await ScanAsync(due);
        Assert.Empty(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.Overdue));
        var dayAfter = calendar.AddBusinessDays(due, 1);
        await ScanAsync(dayAfter);
        var overdue = Assert.Single(await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.Overdue));
        Assert.Contains("（1業務日超過）", overdue.Detail);
        await site.MailAsync("koseki.nakamura", "回答期限を過ぎた意見等", received.ReceiptNumber!);
        // The section sees overdue cases in its inbox only (the default rule sends it no mail).
        var sectionAlert = Assert.Single(await site.AlertsAsync("kocho.yamaguchi", received.CaseId, AlertKind.Overdue));
        Assert.Equal(AlertMailState.None, sectionAlert.MailState);
        Assert.Empty(await site.AlertsAsync("cc.onodera", received.CaseId));

        await ScanAsync(calendar.AddBusinessDays(due, 2));
        Assert.Equal(2, (await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.Overdue)).Count);

        // Answered: no more overdue alerts.
        var staff = await site.ActorAsync("koseki.nakamura");
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SaveDraftAsync(staff, received.CaseId, HandlingKind.Answer, "補修しました。"));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SubmitForApprovalAsync(staff, received.CaseId));
        await site.InScopeAsync(async sp => await sp.GetRequiredService<HandlingService>().ApproveAsync(await site.ActorAsync("koseki.fujita"), received.CaseId));
        await site.InScopeAsync(sp => sp.GetRequiredService<HandlingService>().SendAsync(section, received.CaseId, new SendRequest()));
        await ScanAsync(calendar.AddBusinessDays(due, 3));
        Assert.Equal(2, (await site.AlertsAsync("koseki.nakamura", received.CaseId, AlertKind.Overdue)).Count);
    }

    [Fact]
    public async Task A_case_not_forwarded_a_business_day_after_receipt_alerts_the_public_hearing_section()
    {
        var calendar = await site.CalendarAsync();
        var today = await site.TodayAsync();
        var received = await site.ReceiveAsync("公園のベンチについて（未転送）", today);

        await ScanAsync(today);
        Assert.Empty(await site.AlertsAsync("kocho.yamaguchi", received.CaseId, AlertKind.NotForwarded));

        await ScanAsync(calendar.AddBusinessDays(today, 1));
        var alert = Assert.Single(await site.AlertsAsync("kocho.yamaguchi", received.CaseId, AlertKind.NotForwarded));
        Assert.Contains("まだ転送されていません", alert.Detail);
        await site.MailAsync("kocho.yamaguchi", "未転送の意見等", received.ReceiptNumber!);
        Assert.Empty(await site.AlertsAsync("cc.onodera", received.CaseId));
        Assert.Empty(await site.AlertsAsync("koseki.nakamura", received.CaseId));
    }

    [Fact]
    public async Task A_published_FAQ_entry_not_reviewed_for_a_year_alerts_its_department_once_until_reviewed()
    {
        var system = FaqActor.SystemActor("テスト");
        var entry = await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().CreateAsync(new FaqInput
        {
            Question = "印鑑登録の手続きを教えてください（見直し）", Answer = "本人が窓口へお越しください。", Department = "0502", Visibility = FaqVisibility.Public,
        }, system));
        await site.InScopeAsync(sp => sp.GetRequiredService<FaqService>().PublishDirectlyAsync(entry.Number, null, system));
        var today = await site.TodayAsync();
        var calendar = await site.CalendarAsync();

        await ScanAsync(today);
        Assert.Empty(await site.AlertsAsync("koseki.nakamura", entry.Id, AlertKind.FaqReviewDue));

        var lastReviewed = today.AddMonths(-13);
        await site.InScopeAsync(sp => sp.GetRequiredService<FaqDbContext>().Entries.Where(e => e.Id == entry.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastReviewedOn, lastReviewed)));
        await ScanAsync(today);
        var alert = Assert.Single(await site.AlertsAsync("koseki.nakamura", entry.Id, AlertKind.FaqReviewDue));
        Assert.Contains("見直し時期", alert.Detail);
        await site.MailAsync("koseki.nakamura", "FAQの見直し時期", $"No.{entry.Number}");
        // Once per review period, not every morning.
        await ScanAsync(calendar.AddBusinessDays(today, 1));
        Assert.Single(await site.AlertsAsync("koseki.nakamura", entry.Id, AlertKind.FaqReviewDue));
    }

    [Fact]
    public async Task Whoever_chose_the_digest_gets_one_morning_mail_instead_of_each_alert_and_it_is_sent_once()
    {
        var nakamura = await site.UserIdAsync("koseki.nakamura");
        await site.InScopeAsync(sp => sp.GetRequiredService<AlertPreferences>().SaveAsync(nakamura, new Dictionary<AlertKind, AlertDelivery> { [AlertKind.CaseForwarded] = AlertDelivery.Digest }, CancellationToken.None));
        try
        {
            var first = await site.ReceiveAsync("街灯について（まとめ1）");
            var second = await site.ReceiveAsync("街灯について（まとめ2）");
            var section = await site.ActorAsync("kocho.yamaguchi");
            var koseki = await site.DepartmentAsync("0502");
            foreach (var c in new[] { first, second })
            {
                await site.InScopeAsync(sp => sp.GetRequiredService<ForwardingService>().ForwardAsync(section, c.CaseId, new ForwardRequest(koseki, [])));
            }
            Assert.Equal(AlertMailState.DigestPending, Assert.Single(await site.AlertsAsync("koseki.nakamura", first.CaseId)).MailState);
            // The approver did not choose the digest: a mail each time.
            await site.MailAsync("koseki.fujita", "意見等の転送", second.ReceiptNumber!);
            Assert.Empty(site.MailsTo("koseki.nakamura", first.ReceiptNumber!));

            // The 8:30 job of a business morning (run here for today, as the schedule would).
            var today = await site.TodayAsync();
            var calendar = await site.CalendarAsync();
            var morning = Enumerable.Range(0, 10).Select(today.AddDays).First(calendar.IsBusinessDay);
            Assert.Equal((morning, true, true), AlertSchedule.DueAt(JapanTime.StartOfDayUtc(morning).AddHours(8.5), calendar, new AlertsOptions()));
            Assert.Equal((morning, true, false), AlertSchedule.DueAt(JapanTime.StartOfDayUtc(morning).AddHours(8.25), calendar, new AlertsOptions()));
            Assert.Equal((morning, false, false), AlertSchedule.DueAt(JapanTime.StartOfDayUtc(morning).AddHours(7.9), calendar, new AlertsOptions()));
            var closed = Enumerable.Range(0, 10).Select(today.AddDays).First(d => !calendar.IsBusinessDay(d));
            Assert.Equal((closed, false, false), AlertSchedule.DueAt(JapanTime.StartOfDayUtc(closed).AddHours(9), calendar, new AlertsOptions()));

            var sent = await site.InScopeAsync(sp => sp.GetRequiredService<AlertJobs>().DigestOnceAsync(morning, CancellationToken.None));
            Assert.True(sent >= 1);
            var digest = await site.MailAsync("koseki.nakamura", "アラートのまとめ");
            Assert.Contains(first.ReceiptNumber!, digest.TextBody);
            Assert.Contains(second.ReceiptNumber!, digest.TextBody);
            Assert.Contains(new Uri(site.Host.StaffUrl, $"/admin/opinions/{first.CaseId}").ToString(), digest.TextBody);
            Assert.DoesNotContain("新宿 一郎", digest.TextBody);
            Assert.Equal(AlertMailState.Digested, Assert.Single(await site.AlertsAsync("koseki.nakamura", first.CaseId)).MailState);

            // Once: the job of the same morning does not run again, and a forced run finds nothing left to send.
            Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<AlertJobs>().DigestOnceAsync(morning, CancellationToken.None)));
            Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<AlertDigest>().SendAsync(morning, CancellationToken.None)));
            await Task.Delay(1000);
            Assert.Single(site.Smtp.ReceivedBy(AlertsSite.Mail("koseki.nakamura")), m => (m.Subject ?? "").Contains("アラートのまとめ"));
        }
        finally
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<AlertPreferences>().SaveAsync(nakamura, new Dictionary<AlertKind, AlertDelivery> { [AlertKind.CaseForwarded] = AlertDelivery.Each }, CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_alert_for_the_same_item_recipient_and_business_day()
    {
        var today = await site.TodayAsync();
        var item = Guid.NewGuid();
        Alert Row() => new() { Kind = AlertKind.Overdue, ItemType = "OpinionCase", ItemId = item, RecipientUserId = "someone", BusinessDate = today, Title = "t", Link = "/admin", CreatedAt = DateTime.UtcNow };
        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AlertsDbContext>();
            db.Alerts.Add(Row());
            await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AlertsDbContext>();
            db.Alerts.Add(Row());
            await db.SaveChangesAsync();
        }));
    }
}
