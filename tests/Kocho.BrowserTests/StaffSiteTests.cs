using Xunit;

namespace Kocho.BrowserTests;

/// <summary>An administrator uses the staff site in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class StaffSiteTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Admin_signs_in_opens_module_management_and_disables_and_enables_a_module()
    {
        var page = _session.Page;
        await page.GotoAsync(_session.Staff("/admin/login"));
        await _session.AssertAccessibleAsync();
        await _session.SignInStaffAsync();

        Assert.Equal("ホーム", await page.GetByTestId("dashboard-title").InnerTextAsync());
        Assert.Equal("システム管理者", await page.GetByTestId("current-user").InnerTextAsync());
        await page.GetByTestId("admin-nav").GetByText("機能管理").ClickAsync();
        Assert.Equal("機能管理", await page.GetByTestId("modules-title").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("disable-Kocho.Reports").ClickAsync();
        Assert.Equal("無効にしました: 統計・分析", await page.GetByTestId("modules-message").InnerTextAsync());
        Assert.Equal("無効", await page.GetByTestId("module-Kocho.Reports").GetByTestId("module-state").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("admin-nav").GetByText("統計・分析").CountAsync());

        await page.GetByTestId("enable-Kocho.Reports").ClickAsync();
        Assert.Equal("有効", await page.GetByTestId("module-Kocho.Reports").GetByTestId("module-state").InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("admin-nav").GetByText("統計・分析").CountAsync());
        _session.AssertNoProblems();
    }

    [Fact]
    public async Task Signing_out_ends_the_staff_session()
    {
        var page = _session.Page;
        await _session.SignInStaffAsync();
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/login"));

        await page.GotoAsync(_session.Staff("/admin/modules"));
        Assert.Contains("/admin/login", page.Url);
        _session.AssertNoProblems();
    }
}
