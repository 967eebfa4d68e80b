using Kocho.Core.Calendar;
using System.Net;
using System.Text.RegularExpressions;
using Kocho.Core.Audit;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Audit;

/// <summary>
/// 監査証跡 on the staff site: an administrator sees who signed in (or failed to) from where, searches by user,
/// entity, action and JST dates; other staff are refused; looking at the trail is itself recorded.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class AuditPageTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_failed_then_successful_sign_in_shows_on_the_audit_page_and_the_chain_holds()
    {
        using (var visitor = _host.StaffClient())
        {
            var failed = await visitor.PostFormAsync("/admin/login", new() { ["Input.Login"] = "admin", ["Input.Password"] = "Tr0ub4dor-guess-77" });
            Assert.Contains("ログインIDまたはパスワードが正しくありません。", await failed.Content.ReadAsStringAsync());
            await visitor.PostFormAsync("/admin/login", new() { ["Input.Login"] = "nobody.here", ["Input.Password"] = "Tr0ub4dor-guess-77" });
        }
        using var admin = await _host.SignedInStaffAsync();

        var html = await admin.GetStringAsync("/admin/audit?action=staff.signin");

        var rows = Rows(html);
        Assert.Equal(["staff.signin.succeeded", "staff.signin.failed", "staff.signin.failed"], rows.Select(r => r.Action).ToArray());
        Assert.Equal(("システム管理者 (admin)", "127.0.0.1", "StaffLogin admin", ""), (rows[0].Who, rows[0].Ip, rows[0].Entity, rows[0].Details));
        Assert.Equal(("（ログインしていない利用者）", "127.0.0.1", "StaffLogin nobody.here", "reason=unknown-login"), (rows[1].Who, rows[1].Ip, rows[1].Entity, rows[1].Details));
        Assert.Equal(("StaffLogin admin", "reason=wrong-password"), (rows[2].Entity, rows[2].Details));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", rows[0].Time);
        Assert.DoesNotContain("Tr0ub4dor-guess-77", html);
        Assert.Contains("href=\"/admin/audit\"", html); // 管理 menu entry

        var (code, output, error) = await _host.RunVerbAsync("audit", "verify");
        Assert.True(code == 0, error);
        Assert.StartsWith("監査証跡は改ざんされていません（", output);
    }

    [Fact]
    public async Task A_lockout_after_five_failures_and_a_sign_out_are_recorded()
    {
        var (code, _, error) = await _host.RunVerbAsync("users", "add", "--login", "clerk02", "--name", "新宿 二郎",
            "--department", "0502", "--role", "DepartmentStaff", "--password", "clerk-password-2026");
        Assert.True(code == 0, error);
        using (var visitor = _host.StaffClient())
        {
            for (var i = 0; i < 5; i++)
            {
                await visitor.PostFormAsync("/admin/login", new() { ["Input.Login"] = "clerk02", ["Input.Password"] = "not-the-password-" + i });
            }
        }
        using (var leaving = await _host.SignedInStaffAsync())
        {
            var signedOut = await leaving.PostFormAsync("/admin/logout", []);
            Assert.EndsWith("/admin/login", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        }
        using var admin = await _host.SignedInStaffAsync();

        var rows = Rows(await admin.GetStringAsync("/admin/audit?entityType=StaffLogin&entityId=clerk02"));
        Assert.Equal(["staff.signin.lockedout", "staff.signin.failed", "staff.signin.failed", "staff.signin.failed", "staff.signin.failed"],
            rows.Select(r => r.Action).ToArray());

        var signOut = Assert.Single(Rows(await admin.GetStringAsync("/admin/audit?action=staff.signout")));
        Assert.Equal(("システム管理者 (admin)", "StaffLogin admin"), (signOut.Who, signOut.Entity));
    }

    [Fact]
    public async Task Department_staff_are_refused_the_audit_page_and_do_not_see_it_in_the_menu()
    {
        var (code, _, error) = await _host.RunVerbAsync("users", "add", "--login", "clerk01", "--name", "新宿 一郎",
            "--department", "0502", "--role", "DepartmentStaff", "--password", "clerk-password-2026");
        Assert.True(code == 0, error);
        using var clerk = await _host.SignedInStaffAsync("clerk01", "clerk-password-2026");

        var response = await clerk.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("href=\"/admin/audit\"", await clerk.GetStringAsync("/admin"));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.PublicClient().GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_narrows_the_trail_by_entity_action_user_and_JST_dates()
    {
        await RecordAsync(new("case.viewed", "TestCase", "A-1"), new("case.exported", "TestCase", "A-2"), new("case.viewed", "TestCase", "B-1"));
        using var admin = await _host.SignedInStaffAsync();
        var today = JapanTime.Today(TimeProvider.System);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");

        Assert.Equal(["TestCase B-1", "TestCase A-2", "TestCase A-1"], await EntitiesAsync(admin, "entityType=TestCase"));
        Assert.Equal(["TestCase A-2"], await EntitiesAsync(admin, "entityType=TestCase&entityId=A-2"));
        Assert.Equal(["TestCase A-2"], await EntitiesAsync(admin, "action=case.exp"));
        Assert.Equal(["TestCase B-1", "TestCase A-1"], await EntitiesAsync(admin, "action=case.viewed&entityType=TestCase"));
        Assert.Equal(3, (await EntitiesAsync(admin, "user=system&entityType=TestCase")).Count);
        Assert.Empty(await EntitiesAsync(admin, "user=admin&entityType=TestCase"));
        Assert.Equal(3, (await EntitiesAsync(admin, $"entityType=TestCase&from={Day(0)}&to={Day(0)}")).Count);
        Assert.Empty(await EntitiesAsync(admin, $"entityType=TestCase&to={Day(-1)}"));
        Assert.Empty(await EntitiesAsync(admin, $"entityType=TestCase&from={Day(1)}"));
        // Dates typed with full-width digits (IME) are understood too.
        var wide = string.Concat(Day(0).Select(c => char.IsDigit(c) ? (char)(c - '0' + '０') : c));
        Assert.Equal(3, (await EntitiesAsync(admin, $"entityType=TestCase&from={Uri.EscapeDataString(wide)}")).Count);

        var empty = await admin.GetStringAsync("/admin/audit?entityType=NoSuchThing");
        Assert.Contains("条件に合う記録はありません。", empty);
    }

    [Fact]
    public async Task Results_come_newest_first_fifty_to_a_page()
    {
        await RecordAsync(Enumerable.Range(1, 55).Select(i => new AuditEntry("case.viewed", "Paging", i.ToString())).ToArray());
        using var admin = await _host.SignedInStaffAsync();

        var first = await admin.GetStringAsync("/admin/audit?entityType=Paging");
        var firstRows = Rows(first);
        Assert.Equal(50, firstRows.Count);
        Assert.Equal("Paging 55", firstRows[0].Entity);
        Assert.Contains("href=\"/admin/audit?entityType=Paging&amp;p=2\"", first);

        var second = Rows(await admin.GetStringAsync("/admin/audit?entityType=Paging&p=2"));
        Assert.Equal(["Paging 5", "Paging 4", "Paging 3", "Paging 2", "Paging 1"], second.Select(r => r.Entity).ToArray());
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_gets_a_Japanese_message_and_no_results()
    {
        using var admin = await _host.SignedInStaffAsync();

        var html = await admin.GetStringAsync("/admin/audit?from=2026-13-40&to=yesterday");

        Assert.Contains("data-testid=\"audit-from-error\">開始日は 2026-04-01 のように年-月-日の形式で入力してください。<", html);
        Assert.Contains("data-testid=\"audit-to-error\">終了日は 2026-04-01 のように年-月-日の形式で入力してください。<", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.DoesNotContain("data-testid=\"audit-table\"", html);

        var reversed = await admin.GetStringAsync("/admin/audit?from=2026-04-02&to=2026-04-01");
        Assert.Contains("終了日には開始日以降の日付を入力してください。", reversed);
        Assert.DoesNotContain("data-testid=\"audit-table\"", reversed);
    }

    [Fact]
    public async Task Looking_at_the_trail_is_itself_recorded()
    {
        using var admin = await _host.SignedInStaffAsync();
        await admin.GetStringAsync("/admin/audit?entityType=StaffLogin&from=2026-04-01");

        var rows = Rows(await admin.GetStringAsync("/admin/audit?action=audit.viewed"));

        var viewed = Assert.Single(rows);
        Assert.Equal(("システム管理者 (admin)", "127.0.0.1", "AuditTrail"), (viewed.Who, viewed.Ip, viewed.Entity));
        Assert.Equal("entityType=StaffLogin; from=2026-04-01; page=1", viewed.Details);
    }

    [Fact]
    public async Task Disabling_and_enabling_a_module_is_recorded_with_the_administrator_as_actor()
    {
        using var admin = await _host.SignedInStaffAsync();
        await admin.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, handler: "Disable");
        await admin.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, handler: "Enable");

        var rows = Rows(await admin.GetStringAsync("/admin/audit?entityType=Module&entityId=Kocho.Reports"));

        Assert.Equal(["module.enabled", "module.disabled", "module.enabled"], rows.Select(r => r.Action).ToArray());
        Assert.Equal(["システム管理者 (admin)", "システム管理者 (admin)", "cli:" + Environment.UserName], rows.Select(r => r.Who).ToArray());
    }

    private async Task RecordAsync(params AuditEntry[] entries)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        foreach (var entry in entries) await audit.RecordAsync(entry);
    }

    private static async Task<List<string>> EntitiesAsync(PortalClient client, string query) =>
        Rows(await client.GetStringAsync("/admin/audit?" + query)).Select(r => r.Entity).ToList();

    private sealed record Row(string Time, string Who, string Ip, string Action, string Entity, string Details);

    private static List<Row> Rows(string html) =>
        RowPattern().Matches(html).Select(m =>
        {
            var cells = CellPattern().Matches(m.Groups[1].Value)
                .Select(c => WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, "")).Trim())
                .Select(c => WhitespacePattern().Replace(c, " "))
                .ToArray();
            return new Row(cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]);
        }).ToList();

    [GeneratedRegex("""<tr data-testid="audit-row"[^>]*>(.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("""<td[^>]*>(.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
