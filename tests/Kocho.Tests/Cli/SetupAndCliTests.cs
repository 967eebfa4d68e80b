using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Cli;

/// <summary>The verbs a new administrator uses from the shell, on the same configuration and data folder.</summary>
[Trait("Category", "Integration")]
public sealed class SetupAndCliTests
{
    [Fact]
    public async Task A_verb_run_before_setup_sets_the_site_up_first()
    {
        await using var host = await PortalHost.CreateAsync();

        var (code, output, error) = await host.RunVerbAsync("modules", "list");

        Assert.True(code == 0, error);
        Assert.Contains("サイトをレシピ「shinjuku」でセットアップしました。", output);
        Assert.Contains("Kocho.Faq\tFAQ\tenabled", output);
    }

    [Fact]
    public async Task Setup_on_a_site_that_is_set_up_is_refused()
    {
        await using var host = await PortalHost.CreateAsync();
        var first = await host.RunVerbAsync("setup");
        Assert.Equal(0, first.ExitCode);

        var (code, _, error) = await host.RunVerbAsync("setup");

        Assert.Equal(1, code);
        Assert.Equal("このサイトはすでにセットアップ済みです。セットアップは空のデータフォルダ（データベース）でのみ実行できます。", error.Trim());
    }

    [Fact]
    public async Task Without_an_admin_password_setup_generates_one_and_shows_it_once()
    {
        await using var host = await PortalHost.CreateAsync("shinjuku", "--Kocho:Setup:AdminPassword=");
        var (code, output, error) = await host.RunVerbAsync("setup");
        Assert.True(code == 0, error);
        var line = output.Split('\n').Single(l => l.StartsWith("管理者アカウント admin の初期パスワード"));
        var password = line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
        Assert.True(password.Length >= 12);

        await host.StartAsync();
        Assert.DoesNotContain("初期パスワード", host.SetupOutput);
        using var client = await host.SignedInStaffAsync("admin", password);
        Assert.Contains("機能管理", await client.GetStringAsync("/admin/modules"));
    }

    [Fact]
    public async Task Users_add_creates_a_staff_account_and_refuses_bad_input()
    {
        await using var host = await PortalHost.CreateAsync();

        var ok = await host.RunVerbAsync("users", "add", "--login", "koseki01", "--name", "戸籍 花子", "--department", "0502", "--role", "DepartmentStaff", "--password", "a-long-password-1");
        Assert.True(ok.ExitCode == 0, ok.Error);
        Assert.Contains("職員アカウント koseki01 を作成しました。", ok.Output);

        var duplicate = await host.RunVerbAsync("users", "add", "--login", "koseki01", "--name", "別人", "--role", "DepartmentStaff", "--password", "a-long-password-2");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Equal("ログインID「koseki01」はすでに使われています。", duplicate.Error.Trim());

        var shortPassword = await host.RunVerbAsync("users", "add", "--login", "koseki02", "--name", "戸籍 次郎", "--role", "DepartmentStaff", "--password", "short");
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("パスワードは 12 文字以上にしてください。", shortPassword.Error);

        var badRole = await host.RunVerbAsync("users", "add", "--login", "koseki03", "--name", "戸籍 三郎", "--role", "Mayor", "--password", "a-long-password-3");
        Assert.Equal(1, badRole.ExitCode);
        Assert.Equal("ロール「Mayor」はありません。", badRole.Error.Trim());

        var missing = await host.RunVerbAsync("users", "add", "--login", "koseki04");
        Assert.NotEqual(0, missing.ExitCode);
    }

    [Fact]
    public async Task The_demo_staff_recipe_adds_staff_for_every_role()
    {
        await using var host = await PortalHost.StartAsync("demo-staff");

        using var approver = await host.SignedInStaffAsync("koseki.fujita", PortalHost.DemoPassword);
        Assert.Contains("href=\"/admin/opinions\"", await approver.GetStringAsync("/admin"));
        using var callCenter = await host.SignedInStaffAsync("cc.onodera", PortalHost.DemoPassword);
        Assert.DoesNotContain("href=\"/admin/reports\"", await callCenter.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task The_demo_recipe_needs_its_password_setting()
    {
        await using var host = await PortalHost.CreateAsync("demo", "--Kocho:Setup:DemoPassword=");
        var (code, _, error) = await host.RunVerbAsync("setup");
        Assert.Equal(1, code);
        Assert.Contains("${DemoPassword}", error);
        Assert.Contains("Kocho:Setup:DemoPassword", error);
    }
}
