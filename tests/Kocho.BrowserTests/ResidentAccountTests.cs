using Kocho.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>A resident registers, opens the mailed link, signs in, edits and deletes the account in Chromium.</summary>
[Trait("Category", "Browser")]
public sealed class ResidentAccountTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task A_resident_registers_verifies_signs_in_edits_and_deletes_the_account()
    {
        var page = _session.Page;
        var mail = new MailPickup(_session.Host.DataPath);

        await page.GotoAsync(_session.Public("/"));
        await page.GetByTestId("nav-register").ClickAsync();
        Assert.Contains("ご登録いただく個人情報", await page.GetByTestId("purpose").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        // A first try without consent and with a short postal code is refused, field by field.
        await page.GetByTestId("resident-email").FillAsync("browser.resident@example.jp");
        await page.GetByTestId("resident-password").FillAsync("browser-pass-2026");
        await page.GetByTestId("resident-name").FillAsync("四谷 桜");
        await page.GetByTestId("resident-postal").FillAsync("160-00");
        await page.GetByTestId("resident-address").FillAsync("東京都新宿区四谷1-1");
        await page.GetByTestId("resident-phone").FillAsync("０９０－２２２２－３３３３");
        await page.GetByTestId("register-submit").ClickAsync();
        Assert.Contains("郵便番号は7桁の数字で入力してください。", await page.InnerTextAsync("main"));
        Assert.Contains("個人情報の利用目的への同意が必要です。", await page.InnerTextAsync("main"));
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("resident-password").FillAsync("browser-pass-2026");
        await page.GetByTestId("resident-postal").FillAsync("１６０－０００４");
        await page.GetByTestId("resident-consent").CheckAsync();
        await page.GetByTestId("register-submit").ClickAsync();
        Assert.Equal("確認メールを送信しました", await page.GetByTestId("register-sent").InnerTextAsync());

        var verification = await mail.WaitForAsync("browser.resident@example.jp", "メールアドレスの確認のお願い");
        await page.GotoAsync(_session.Public(MailPickup.LinkIn(verification)));
        Assert.Equal("登録が完了しました", await page.GetByTestId("verify-result").InnerTextAsync());

        await page.GotoAsync(_session.Public("/account/login"));
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("login-email").FillAsync("browser.resident@example.jp");
        await page.GetByTestId("login-password").FillAsync("browser-pass-2026");
        await page.GetByTestId("login-submit").ClickAsync();
        Assert.Equal("マイページ", await page.GetByTestId("account-title").InnerTextAsync());
        Assert.Equal("160-0004", await page.GetByTestId("profile-postal").InnerTextAsync());
        Assert.Equal("090-2222-3333", await page.GetByTestId("profile-phone").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("edit-profile").ClickAsync();
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("resident-address").FillAsync("東京都新宿区四谷三栄町1-1");
        await page.GetByTestId("edit-submit").ClickAsync();
        Assert.Equal("登録内容を変更しました。", await page.GetByTestId("account-notice").InnerTextAsync());
        Assert.Equal("東京都新宿区四谷三栄町1-1", await page.GetByTestId("profile-address").InnerTextAsync());

        await page.GetByTestId("delete-account").ClickAsync();
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("delete-password").FillAsync("browser-pass-2026");
        await page.GetByTestId("delete-submit").ClickAsync();
        Assert.Equal("登録を削除しました", await page.GetByTestId("account-deleted").InnerTextAsync());

        await page.GotoAsync(_session.Public("/account/login"));
        await page.GetByTestId("login-email").FillAsync("browser.resident@example.jp");
        await page.GetByTestId("login-password").FillAsync("browser-pass-2026");
        await page.GetByTestId("login-submit").ClickAsync();
        Assert.Contains("メールアドレスまたはパスワードが正しくない", await page.GetByTestId("login-error").InnerTextAsync());
        _session.AssertNoProblems();
    }
}
