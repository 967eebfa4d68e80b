using System.Net;
using Kocho.Alerts.Data;
using Kocho.Alerts.Rules;
using Kocho.Opinions.Forwarding;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Alerts;

/// <summary>
/// The staff pages: administrators edit the rules (antiforgery, their own permission, Japanese messages that save nothing);
/// every staff member sees the unread count in the header, opens an alert from the inbox to its item, and chooses the digest.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AlertsCollection.Name)]
public sealed class AlertPageTests(AlertsSite site)
{
    private Task<int> RuleCountAsync() => site.InScopeAsync(sp => sp.GetRequiredService<AlertsDbContext>().Rules.CountAsync());

    [Fact]
    public async Task The_recipe_sets_the_default_rules_and_an_administrator_edits_them_with_Japanese_messages_for_bad_input()
    {
        using var admin = await site.Host.SignedInStaffAsync();
        var page = await admin.GetStringAsync("/admin/alerts/rules");
        Assert.Contains("data-testid=\"rules-title\"", page);
        foreach (var kind in AlertKinds.All) Assert.Contains($"data-kind=\"{kind}\"", page);
        var before = await RuleCountAsync();

        // No antiforgery token: refused.
        var forged = await admin.Http.PostAsync("/admin/alerts/rules", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "Overdue", ["Input.Department"] = "Item", ["Input.Inbox"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Bad input: one clear Japanese message per field, nothing saved.
        var bad = await admin.PostFieldsAsync("/admin/alerts/rules",
        [
            ("Input.Kind", "DueSoon"), ("Input.BusinessDays", "99"), ("Input.Department", "Fixed"), ("Input.DepartmentCode", "9999"),
            ("Input.Role", "NoSuchRole"), ("Input.Users", "nobody.here"), ("Input.Inbox", "false"), ("Input.Mail", "false"), ("Input.Enabled", "true"),
        ]);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("業務日数は 1 から 30 までの数字で入力してください。", html);
        Assert.Contains("宛先の所属を所属コードで正しく指定してください。", html);
        Assert.Contains("ロール「NoSuchRole」はありません。", html);
        Assert.Contains("職員「nobody.here」が見つかりません。", html);
        Assert.Contains("受信箱とメールの少なくとも一方を選んでください。", html);
        var notNumber = await admin.PostFieldsAsync("/admin/alerts/rules", [("Input.Kind", "DueSoon"), ("Input.BusinessDays", "三"), ("Input.Department", "Item"), ("Input.Inbox", "true")]);
        Assert.Contains("業務日数は 1 から 30 までの数字で入力してください。", WebUtility.HtmlDecode(await notNumber.Content.ReadAsStringAsync()));
        Assert.Equal(before, await RuleCountAsync());

        // A valid rule: 5 business days before the due date, to the section's call center operator by name, inbox only.
        var saved = await admin.PostFieldsAsync("/admin/alerts/rules",
        [
            ("Input.Kind", "DueSoon"), ("Input.BusinessDays", "5"), ("Input.Department", "None"), ("Input.Users", "cc.onodera"),
            ("Input.Inbox", "true"), ("Input.Inbox", "false"), ("Input.Mail", "false"), ("Input.Enabled", "true"), ("Input.Enabled", "false"),
        ]);
        Assert.EndsWith("/admin/alerts/rules", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(before + 1, await RuleCountAsync());
        var rule = await site.InScopeAsync(sp => sp.GetRequiredService<AlertsDbContext>().Rules.SingleAsync(r => r.BusinessDays == 5));
        Assert.Equal((AlertKind.DueSoon, RecipientDepartment.None, "cc.onodera", true, false, true), (rule.Kind, rule.Department, rule.Users, rule.Inbox, rule.Mail, rule.Enabled));

        var deleted = await admin.PostFormAsync($"/admin/alerts/rules?id={rule.Id}", [], formPage: "/admin/alerts/rules", handler: "Delete");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(before, await RuleCountAsync());
    }

    [Fact]
    public async Task Department_staff_may_not_open_the_rules_page()
    {
        using var staff = await site.Host.SignedInStaffAsync("koseki.nakamura", PortalHost.DemoPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/alerts/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_staff_member_sees_the_unread_count_opens_an_alert_to_its_case_and_chooses_the_digest()
    {
        var received = await site.ReceiveAsync("歩道の段差について（受信箱）");
        await site.InScopeAsync(async sp => await sp.GetRequiredService<ForwardingService>().ForwardAsync(
            await site.ActorAsync("kocho.yamaguchi"), received.CaseId, new ForwardRequest(await site.DepartmentAsync("1102"), [])));
        using var staff = await site.Host.SignedInStaffAsync("gomi.hayashi", PortalHost.DemoPassword);

        var inbox = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/alerts"));
        var unread = System.Text.RegularExpressions.Regex.Match(inbox, "data-testid=\"alerts-unread\">[^<]*<span class=\"badge\">(\\d+)</span>");
        Assert.True(unread.Success, "no unread badge in the header");
        var count = int.Parse(unread.Groups[1].Value);
        Assert.True(count >= 1);
        Assert.Contains($"受付番号 {received.ReceiptNumber}（要望）", inbox);
        Assert.DoesNotContain("歩道の段差", inbox);

        var alert = Assert.Single(await site.AlertsAsync("gomi.hayashi", received.CaseId));
        var opened = await staff.PostFormAsync($"/admin/alerts?id={alert.Id}", [], formPage: "/admin/alerts", handler: "Open");
        Assert.Equal($"/admin/opinions/{received.CaseId}", opened.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(Assert.Single(await site.AlertsAsync("gomi.hayashi", received.CaseId)).ReadAt);
        var after = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/alerts"));
        Assert.Contains($"<span class=\"badge\">{count - 1}</span>", after);

        // Another person's alert cannot be opened.
        var others = await site.InScopeAsync(sp => sp.GetRequiredService<AlertsDbContext>().Alerts.Where(a => a.RecipientUserId != alert.RecipientUserId).Select(a => a.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostFormAsync($"/admin/alerts?id={others}", [], formPage: "/admin/alerts", handler: "Open")).StatusCode);

        var choice = await staff.PostFormAsync("/admin/alerts/preferences", new() { ["Choices[Overdue]"] = "Digest", ["Choices[DueSoon]"] = "None" });
        Assert.Contains("data-testid=\"preferences-saved\"", await choice.Content.ReadAsStringAsync());
        var prefs = await staff.GetStringAsync("/admin/alerts/preferences");
        Assert.Matches("value=\"Digest\" checked=\"checked\" data-testid=\"preference-Overdue-Digest\"", prefs);
        var bad = await staff.PostFormAsync("/admin/alerts/preferences", new() { ["Choices[Overdue]"] = "Sometimes" });
        Assert.Contains("受け取り方を選んでください。", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_alerts_scan_verb_scans_a_business_day_and_refuses_a_closed_one_in_Japanese()
    {
        var calendar = await site.CalendarAsync();
        var today = await site.TodayAsync();
        var open = Enumerable.Range(1, 10).Select(today.AddDays).First(calendar.IsBusinessDay);
        var closed = Enumerable.Range(1, 10).Select(today.AddDays).First(d => !calendar.IsBusinessDay(d));

        var (code, output, error) = await site.Host.RunVerbAsync("alerts", "scan", "--date", open.ToString("yyyy-MM-dd"));
        Assert.True(code == 0, error);
        Assert.StartsWith($"{open:yyyy-MM-dd}: アラート ", output);

        var refused = await site.Host.RunVerbAsync("alerts", "scan", "--date", closed.ToString("yyyy-MM-dd"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("開庁日ではありません", refused.Error);
    }
}
