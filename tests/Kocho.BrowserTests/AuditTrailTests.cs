using Xunit;

namespace Kocho.BrowserTests;

/// <summary>An administrator looks up sign-ins on 監査証跡 in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class AuditTrailTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Admin_opens_the_audit_trail_from_the_menu_and_finds_their_sign_in()
    {
        var page = _session.Page;
        await _session.SignInStaffAsync();
        await page.GetByTestId("admin-nav").GetByText("監査証跡").ClickAsync();
        Assert.Equal("監査証跡", await page.GetByTestId("audit-title").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("audit-action").FillAsync("staff.signin");
        await page.GetByTestId("audit-submit").ClickAsync();
        var row = page.GetByTestId("audit-row").First;
        Assert.Equal("staff.signin.succeeded", await row.GetByTestId("audit-action-cell").InnerTextAsync());
        Assert.Equal("システム管理者 (admin)", await row.GetByTestId("audit-who").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GotoAsync(_session.Staff("/admin/audit?from=2026-02-30"));
        Assert.Equal("開始日は 2026-04-01 のように年-月-日の形式で入力してください。", await page.GetByTestId("audit-from-error").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        _session.AssertNoProblems();
    }
}
