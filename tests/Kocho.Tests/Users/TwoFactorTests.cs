using System.Net;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Users;

/// <summary>2段階認証: authenticator codes at sign-in, required for administrators by default, recovery codes once each.</summary>
[Trait("Category", "Integration")]
public sealed class TwoFactorTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_administrator_must_enrol_an_authenticator_app_before_using_anything_else()
    {
        using var client = _host.StaffClient();
        var signedIn = await client.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        Assert.Equal("/admin/account/two-factor", signedIn.PathOf());
        var enrolment = await signedIn.HtmlAsync();
        Assert.Contains("あなたのロールでは2段階認証が必須です。", enrolment);
        Assert.Contains("src=\"data:image/png;base64,", enrolment);
        var key = PortalHost.SharedKeyOn(enrolment)!;

        Assert.Equal("/admin/account/two-factor", (await client.GetAsync("/admin")).PathOf());
        Assert.Equal("/admin/account/two-factor", (await client.GetAsync("/admin/users")).PathOf());
        var disable = await client.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, formPage: "/admin/account/two-factor", handler: "Disable");
        Assert.Equal("/admin/account/two-factor", disable.PathOf());
        Assert.Contains("Kocho.Reports\t統計・分析\tenabled", (await _host.RunVerbAsync("modules", "list")).Output);

        var stale = await (await client.PostFormAsync("/admin/account/two-factor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) }, handler: "Enable")).HtmlAsync();
        Assert.Contains("確認コードが正しくありません。", stale);
        Assert.Equal("/admin/account/two-factor", (await client.GetAsync("/admin")).PathOf());

        var enabled = await (await client.PostFormAsync("/admin/account/two-factor", new() { ["Code"] = Totp.Code(key) }, handler: "Enable")).HtmlAsync();
        Assert.Contains("2段階認証を有効にしました。", enabled);
        Assert.Equal(10, StaffPages.RecoveryCodesOn(enabled).Count);
        Assert.Equal("/admin", (await client.GetAsync("/admin")).PathOf());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.DoesNotContain("data-testid=\"shared-key\"", await client.GetStringAsync("/admin/account/two-factor"));

        using var next = _host.StaffClient();
        var secondStep = await next.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        Assert.Equal("/admin/login/two-factor", secondStep.PathOf());
        Assert.Equal("/admin/login", (await next.GetAsync("/admin")).PathOf());
        var wrong = await (await next.PostFormAsync("/admin/login/two-factor", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)) })).HtmlAsync();
        Assert.Contains("確認コードが正しくありません。", wrong);
        var right = await next.PostFormAsync("/admin/login/two-factor", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal("/admin", right.PathOf());
        Assert.Contains("システム管理者", await right.HtmlAsync());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        using var first = _host.StaffClient();
        var enrolment = await first.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        var codes = StaffPages.RecoveryCodesOn(await (await _host.EnrolTwoFactorAsync(first, "admin", await enrolment.HtmlAsync())).HtmlAsync());
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        using var withCode = _host.StaffClient();
        await withCode.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        // typed as people do: lower case, without the hyphen
        var used = await withCode.PostFormAsync("/admin/login/recovery", new() { ["Input.Code"] = codes[0].Replace("-", "").ToLowerInvariant() });
        Assert.Equal("/admin", used.PathOf());
        Assert.Contains("使える回復コード: 9 個", await withCode.GetStringAsync("/admin/account/two-factor"));

        using var again = _host.StaffClient();
        await again.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        var refused = await again.PostFormAsync("/admin/login/recovery", new() { ["Input.Code"] = codes[0] });
        Assert.Equal("/admin/login/recovery", refused.PathOf());
        Assert.Contains("回復コードが正しくないか、すでに使われています。", await refused.HtmlAsync());
        Assert.Equal("/admin/login", (await again.GetAsync("/admin")).PathOf());

        var another = await again.PostFormAsync("/admin/login/recovery", new() { ["Input.Code"] = codes[1] });
        Assert.Equal("/admin", another.PathOf());
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        using var admin = _host.StaffClient();
        var enrolment = await admin.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        var old = StaffPages.RecoveryCodesOn(await (await _host.EnrolTwoFactorAsync(admin, "admin", await enrolment.HtmlAsync())).HtmlAsync());

        var renewed = StaffPages.RecoveryCodesOn(await (await admin.PostFormAsync("/admin/account/two-factor", new(), handler: "RecoveryCodes")).HtmlAsync());
        Assert.Equal(10, renewed.Count);
        Assert.Empty(renewed.Intersect(old));

        using var client = _host.StaffClient();
        await client.TryPasswordSignInAsync("admin", PortalHost.AdminPassword);
        Assert.Contains("回復コードが正しくないか、すでに使われています。", await (await client.PostFormAsync("/admin/login/recovery", new() { ["Input.Code"] = old[0] })).HtmlAsync());
        Assert.Equal("/admin", (await client.PostFormAsync("/admin/login/recovery", new() { ["Input.Code"] = renewed[0] })).PathOf());
    }

    [Fact]
    public async Task Staff_whose_role_does_not_require_it_may_turn_two_factor_on_and_off()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using var member = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword);
        var page = await member.GetStringAsync("/admin/account/two-factor");
        Assert.DoesNotContain("あなたのロールでは2段階認証が必須です。", page);
        await _host.EnrolTwoFactorAsync(member, "koseki01", page);

        using var withCode = _host.StaffClient();
        Assert.Equal("/admin/login/two-factor", (await withCode.TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword)).PathOf());

        var disabled = await (await member.PostFormAsync("/admin/account/two-factor", new(), handler: "Disable")).HtmlAsync();
        Assert.Contains("2段階認証を無効にしました。", disabled);
        using var passwordOnly = _host.StaffClient();
        Assert.Equal("/admin", (await passwordOnly.TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword)).PathOf());
    }

    [Fact]
    public async Task An_administrator_resets_the_two_factor_of_a_member_who_lost_their_phone()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        using (var member = await _host.SignedInStaffAsync("koseki01", StaffPages.MemberPassword))
        {
            await _host.EnrolTwoFactorAsync(member, "koseki01", await member.GetStringAsync("/admin/account/two-factor"));
        }
        using var admin = await _host.SignedInStaffAsync();
        var memberPage = await admin.MemberPageAsync("koseki01");
        Assert.Contains("data-testid=\"user-two-factor\">設定済み<", await admin.GetStringAsync(memberPage));

        var reset = await (await admin.PostFormAsync(memberPage, new(), handler: "ResetTwoFactor")).HtmlAsync();

        Assert.Contains("2段階認証をリセットしました。", reset);
        Assert.Contains("data-testid=\"user-two-factor\">未設定<", reset);
        using var again = _host.StaffClient();
        Assert.Equal("/admin", (await again.TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword)).PathOf());
    }

    [Fact]
    public async Task An_administrator_cannot_turn_off_the_two_factor_their_role_requires()
    {
        using var admin = await _host.SignedInStaffAsync();

        var refused = await (await admin.PostFormAsync("/admin/account/two-factor", new(), handler: "Disable")).HtmlAsync();

        Assert.Contains("あなたのロールでは2段階認証が必須のため、無効にできません。", refused);
        using var next = _host.StaffClient();
        Assert.Equal("/admin/login/two-factor", (await next.TryPasswordSignInAsync("admin", PortalHost.AdminPassword)).PathOf());
    }

    [Fact]
    public async Task The_roles_that_require_two_factor_are_chosen_on_the_roles_page()
    {
        await _host.AddMemberAsync("koseki01", "戸籍 花子", "DepartmentStaff");
        await _host.AddMemberAsync("joho01", "情報 一郎", "Administrator", "0204");
        using var admin = await _host.SignedInStaffAsync();
        var page = await admin.GetStringAsync("/admin/roles");
        Assert.Contains("name=\"requireTwoFactor\" value=\"true\" checked=\"checked\" data-testid=\"two-factor-required-Administrator\"", page);

        await admin.PostFieldsAsync("/admin/roles", [("role", "DepartmentStaff"), ("requireTwoFactor", "true"), .. Held(page, "DepartmentStaff")]);
        await admin.PostFieldsAsync("/admin/roles", [("role", "Administrator")]);

        using var member = _host.StaffClient();
        Assert.Equal("/admin/account/two-factor", (await member.TryPasswordSignInAsync("koseki01", StaffPages.MemberPassword)).PathOf());
        using var otherAdmin = _host.StaffClient();
        Assert.Equal("/admin", (await otherAdmin.TryPasswordSignInAsync("joho01", StaffPages.MemberPassword)).PathOf());
    }

    [Fact]
    public async Task The_cli_resets_the_two_factor_of_a_member_who_lost_the_app_and_the_recovery_codes()
    {
        using var admin = await _host.SignedInStaffAsync();

        var (code, output, error) = await _host.RunVerbAsync("users", "reset-two-factor", "--login", "admin");

        Assert.True(code == 0, error);
        Assert.Contains("職員 admin の2段階認証を解除しました。", output);
        using var next = _host.StaffClient();
        Assert.Equal("/admin/account/two-factor", (await next.TryPasswordSignInAsync("admin", PortalHost.AdminPassword)).PathOf());
        var unknown = await _host.RunVerbAsync("users", "reset-two-factor", "--login", "nobody");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("職員アカウント「nobody」は見つかりません。", unknown.Error.Trim());
    }

    private static IEnumerable<(string, string)> Held(string rolesPage, string role) =>
        System.Text.RegularExpressions.Regex.Matches(rolesPage, $"name=\"permissions\" value=\"([^\"]+)\" checked=\"checked\"[^>]*data-testid=\"permission-{role}-")
            .Select(m => ("permissions", m.Groups[1].Value));
}
