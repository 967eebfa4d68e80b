using Xunit;

namespace Kocho.BrowserTests;

/// <summary>An administrator secures their account with an authenticator app and creates a staff account.</summary>
[Trait("Category", "Browser")]
public sealed class StaffAccountsTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Admin_enrols_an_authenticator_signs_in_with_a_code_and_creates_a_member_who_cannot_manage_staff()
    {
        var page = _session.Page;

        // First sign-in: the Administrator role requires two-factor sign-in, so the admin is sent to enrol.
        await page.GotoAsync(_session.Staff("/admin/login"));
        await page.GetByTestId("login-id").FillAsync("admin");
        await page.GetByTestId("login-password").FillAsync(Kocho.Tests.Infrastructure.PortalHost.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/account/two-factor");
        Assert.Contains("2段階認証が必須です", await page.GetByTestId("two-factor-required").InnerTextAsync());
        Assert.True(await page.GetByTestId("two-factor-qr").IsVisibleAsync());
        await _session.AssertAccessibleAsync();

        var recoveryCodes = await _session.EnrolTwoFactorAsync("admin");
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal("2段階認証を有効にしました。", await page.GetByTestId("two-factor-message").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("two-factor-continue").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin");

        // Signing in again asks for the code the app shows now.
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/login");
        await page.GetByTestId("login-id").FillAsync("admin");
        await page.GetByTestId("login-password").FillAsync(Kocho.Tests.Infrastructure.PortalHost.AdminPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/login/two-factor");
        await _session.AssertAccessibleAsync();
        await _session.EnterTwoFactorCodeAsync(_session.Host.AuthenticatorKeyOf("admin")!);
        Assert.Equal("/admin", BrowserSession.PathOf(page.Url));
        Assert.Equal("システム管理者", await page.GetByTestId("current-user").InnerTextAsync());

        // The admin creates a department staff member with an initial password.
        await page.GetByTestId("admin-nav").GetByText("職員", new() { Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/users");
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("user-new").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/users/new");
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("user-login").FillAsync("koseki.tanaka");
        await page.GetByTestId("user-name").FillAsync("田中 真理");
        await page.GetByTestId("user-department").SelectOptionAsync("0502");
        await page.GetByTestId("user-role-DepartmentStaff").CheckAsync();
        await page.GetByTestId("user-password").FillAsync("initial-password-2026");
        Assert.True(await page.GetByTestId("user-must-change").IsCheckedAsync());
        await page.GetByTestId("user-create-submit").ClickAsync();
        Assert.Equal("職員アカウントを作成しました。", await page.GetByTestId("user-message").InnerTextAsync());
        Assert.Equal("次回のログインで本人による変更が必要", await page.GetByTestId("user-must-change").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/login");

        // The member signs in, chooses their own password, and cannot open staff management.
        await page.GetByTestId("login-id").FillAsync("koseki.tanaka");
        await page.GetByTestId("login-password").FillAsync("initial-password-2026");
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin/account/password");
        Assert.True(await page.GetByTestId("password-required").IsVisibleAsync());
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("current-password").FillAsync("initial-password-2026");
        await page.GetByTestId("new-password").FillAsync("tanaka-own-password-2026");
        await page.GetByTestId("confirm-password").FillAsync("tanaka-own-password-2026");
        await page.GetByTestId("password-submit").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url) == "/admin");
        Assert.Equal("田中 真理", await page.GetByTestId("current-user").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("admin-nav").GetByText("職員", new() { Exact = true }).CountAsync());

        var denied = await page.GotoAsync(_session.Staff("/admin/users"));
        Assert.Equal(403, denied!.Status);
        Assert.True(await page.GetByTestId("denied").IsVisibleAsync());
        await _session.AssertAccessibleAsync();
        _session.AssertNoProblems("/admin/denied?ReturnUrl=%2Fadmin%2Fusers: Failed to load resource: the server responded with a status of 403");
    }
}
