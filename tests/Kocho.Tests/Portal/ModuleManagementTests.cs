using System.Net;
using Kocho.Core.Modules;
using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>機能管理: an administrator enables and disables modules; routes and menus follow at once.</summary>
[Trait("Category", "Integration")]
public sealed class ModuleManagementTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_setup_recipe_enabled_every_module()
    {
        var (code, output, _) = await _host.RunVerbAsync("modules", "list");
        Assert.Equal(0, code);
        foreach (var id in new[] { "Kocho.Core", "Kocho.Users", "Kocho.Opinions", "Kocho.Faq", "Kocho.Reports", "Kocho.Alerts", "Kocho.Migration", "Kocho.Api", "Kocho.Integrations", "Kocho.Privacy" })
        {
            Assert.Contains($"{id}\t", output);
        }
        Assert.DoesNotContain("disabled", output);
    }

    [Fact]
    public async Task Disabling_a_module_removes_its_routes_and_menu_and_enabling_brings_them_back()
    {
        using var client = await _host.SignedInStaffAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/reports")).StatusCode);

        var disabled = await client.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, handler: "Disable");
        Assert.Contains("無効にしました: 統計・分析", await disabled.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/reports")).StatusCode);
        var home = await client.GetStringAsync("/admin");
        Assert.DoesNotContain("href=\"/admin/reports\"", home);
        Assert.Contains("href=\"/admin/faq\"", home);

        var enabled = await client.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Reports" }, handler: "Enable");
        Assert.Contains("有効にしました: 統計・分析", await enabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/reports")).StatusCode);
        Assert.Contains("href=\"/admin/reports\"", await client.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task A_module_another_enabled_module_needs_cannot_be_disabled()
    {
        using var client = await _host.SignedInStaffAsync();
        var response = await client.PostFormAsync("/admin/modules", new() { ["id"] = "Kocho.Faq" }, handler: "Disable");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("「FAQ」は「API」「外部連携」「データ移行」「個人情報保護」「統計・分析」が必要としているため無効にできません。", html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/faq")).StatusCode);
    }

    [Fact]
    public async Task An_always_enabled_module_cannot_be_disabled()
    {
        var (code, _, error) = await _host.RunVerbAsync("modules", "disable", "Kocho.Users");
        Assert.NotEqual(0, code);
        Assert.Equal("「ユーザ情報管理」は常に有効なモジュールのため無効にできません。", error.Trim());

        using var client = await _host.SignedInStaffAsync();
        var page = await client.GetStringAsync("/admin/modules");
        Assert.DoesNotContain("data-testid=\"disable-Kocho.Users\"", page);
        Assert.DoesNotContain("data-testid=\"disable-Kocho.Core\"", page);
    }

    [Fact]
    public async Task Enabling_a_module_enables_what_it_depends_on()
    {
        foreach (var dependent in new[] { "Kocho.Reports", "Kocho.Migration", "Kocho.Privacy", "Kocho.Integrations", "Kocho.Api" })
        {
            Assert.Equal(0, (await _host.RunVerbAsync("modules", "disable", dependent)).ExitCode);
        }
        Assert.Equal(0, (await _host.RunVerbAsync("modules", "disable", "Kocho.Faq")).ExitCode);
        Assert.Equal(0, (await _host.RunVerbAsync("modules", "disable", "Kocho.Opinions")).ExitCode);

        var (code, output, _) = await _host.RunVerbAsync("modules", "enable", "Kocho.Reports");

        Assert.Equal(0, code);
        Assert.Contains("Kocho.Opinions", output);
        Assert.Contains("Kocho.Faq", output);
        Assert.Contains("Kocho.Reports", output);
        foreach (var dependent in new[] { "Kocho.Migration", "Kocho.Privacy", "Kocho.Integrations", "Kocho.Api" })
        {
            Assert.Equal(0, (await _host.RunVerbAsync("modules", "enable", dependent)).ExitCode);
        }
        var list = (await _host.RunVerbAsync("modules", "list")).Output;
        Assert.DoesNotContain("disabled", list);
    }

    [Fact]
    public async Task Staff_without_the_permission_do_not_see_module_management()
    {
        var (code, _, error) = await _host.RunVerbAsync("users", "add", "--login", "clerk01", "--name", "新宿 一郎",
            "--department", "0502", "--role", "DepartmentStaff", "--password", "clerk-password-2026");
        Assert.True(code == 0, error);

        using var client = await _host.SignedInStaffAsync("clerk01", "clerk-password-2026");
        var home = await client.GetStringAsync("/admin");
        Assert.Contains("新宿 一郎", home);
        Assert.DoesNotContain("href=\"/admin/modules\"", home);
        Assert.Contains("href=\"/admin/opinions\"", home);

        var response = await client.GetAsync("/admin/modules");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("このページを利用する権限がありません。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_module_is_refused_with_a_reason()
    {
        var (code, _, error) = await _host.RunVerbAsync("modules", "enable", "Kocho.Nothing");
        Assert.Equal(1, code);
        Assert.Equal("モジュール「Kocho.Nothing」は見つかりません。", error.Trim());
    }

    [Fact]
    public void The_catalog_holds_exactly_the_referenced_modules_in_dependency_order()
    {
        var catalog = _host.Services.GetRequiredService<ModuleCatalog>();
        var ids = catalog.Modules.Select(m => m.Id).ToList();
        Assert.Equal(["Kocho.Core", "Kocho.Users", "Kocho.Alerts", "Kocho.Opinions", "Kocho.Faq", "Kocho.Api", "Kocho.Integrations", "Kocho.Migration", "Kocho.Privacy", "Kocho.Reports"], ids);
        Assert.Equal(2, catalog.Themes.Count);
    }
}
