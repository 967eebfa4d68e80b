using System.Net;
using System.Text.RegularExpressions;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Users;

/// <summary>ロールと権限: an administrator chooses what each role may do; members feel it at their next request.</summary>
[Trait("Category", "Integration")]
public sealed class RolesTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The permissions the roles page shows as held by <paramref name="role"/>.</summary>
    private static async Task<List<string>> HeldAsync(PortalClient admin, string role)
    {
        var page = await admin.GetStringAsync("/admin/roles");
        return [.. Regex.Matches(page, $"name=\"permissions\" value=\"([^\"]+)\" checked=\"checked\"[^>]*data-testid=\"permission-{role}-").Select(m => m.Groups[1].Value)];
    }

    private static Task<HttpResponseMessage> SaveRoleAsync(PortalClient admin, string role, IEnumerable<string> permissions) =>
        admin.PostFieldsAsync("/admin/roles", [("role", role), .. permissions.Select(p => ("permissions", p))]);

    [Fact]
    public async Task Granting_and_revoking_a_permission_changes_what_members_can_open_at_their_next_request()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var member = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/users")).StatusCode);
        using var admin = await _host.SignedInStaffAsync();
        var held = await HeldAsync(admin, "DepartmentStaff");
        Assert.Contains("Kocho.Core.AccessStaffSite", held);
        Assert.DoesNotContain("Kocho.Users.ManageUsers", held);

        var saved = await SaveRoleAsync(admin, "DepartmentStaff", [.. held, "Kocho.Users.ManageUsers"]);
        Assert.Contains("ロール「DepartmentStaff」を保存しました。", await saved.HtmlAsync());

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/admin/users")).StatusCode);
        Assert.Contains("href=\"/admin/users\"", await member.GetStringAsync("/admin"));

        await SaveRoleAsync(admin, "DepartmentStaff", held);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/users")).StatusCode);
        Assert.DoesNotContain("href=\"/admin/users\"", await member.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task The_roles_page_shows_the_permissions_of_enabled_modules_and_keeps_those_of_disabled_ones()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var admin = await _host.SignedInStaffAsync();
        Assert.Contains("<legend>統計・分析</legend>", await admin.GetStringAsync("/admin/roles"));
        Assert.Contains("Kocho.Reports.ViewReports", await HeldAsync(admin, "DepartmentStaff"));

        await admin.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, handler: "Disable");
        var page = await admin.GetStringAsync("/admin/roles");
        Assert.DoesNotContain("<legend>統計・分析</legend>", page);
        Assert.DoesNotContain("Kocho.Reports.ViewReports", page);
        await SaveRoleAsync(admin, "DepartmentStaff", await HeldAsync(admin, "DepartmentStaff"));

        await admin.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, handler: "Enable");
        Assert.Contains("Kocho.Reports.ViewReports", await HeldAsync(admin, "DepartmentStaff"));
        using var member = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/admin/reports")).StatusCode);
    }

    [Fact]
    public async Task The_Administrator_role_always_keeps_every_permission()
    {
        using var admin = await _host.SignedInStaffAsync();
        var page = await admin.GetStringAsync("/admin/roles");
        Assert.Contains("システム管理者ロールは常にすべての権限を持ちます。", page);
        Assert.DoesNotMatch("value=\"[^\"]+\" disabled=\"disabled\" data-testid=\"permission-Administrator-", page);

        await SaveRoleAsync(admin, "Administrator", []);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/modules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/reports")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_permission_is_refused_and_nothing_changes()
    {
        using var admin = await _host.SignedInStaffAsync();
        var held = await HeldAsync(admin, "CallCenter");

        var refused = await (await SaveRoleAsync(admin, "CallCenter", [.. held.Skip(1), "Kocho.Nothing.DoAnything"])).HtmlAsync();

        Assert.Contains("権限 Kocho.Nothing.DoAnything は有効な機能の権限ではありません。", refused);
        Assert.Equal(held, await HeldAsync(admin, "CallCenter"));
    }
}
