using Xunit;

namespace Kocho.BrowserTests;

/// <summary>An administrator issues an API key and tries a GET with it on the API reference page, in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class ApiReferenceTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Admin_issues_a_key_and_tries_the_case_list_on_the_reference_page()
    {
        var page = _session.Page;
        await _session.SignInStaffAsync();
        await page.GotoAsync(_session.Staff("/admin/api/keys"));
        await page.GetByTestId("key-name").FillAsync("リファレンスの確認");
        await page.GetByTestId("key-scope-cases-read").CheckAsync();
        await page.GetByTestId("key-create").ClickAsync();
        var key = (await page.GetByTestId("issued-key").InnerTextAsync()).Trim();
        Assert.StartsWith("kch_", key);
        await _session.AssertAccessibleAsync();

        // Everything the reference page loads (script, styles, the OpenAPI document) comes from the portal itself: no CDN.
        var loaded = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => loaded.Enqueue(request.Url);
        await page.GetByTestId("admin-nav").GetByText("APIリファレンス").ClickAsync();
        Assert.Equal("APIリファレンス", await page.GetByTestId("reference-title").InnerTextAsync());
        var list = page.Locator("[data-operation=listCases]");
        await list.WaitForAsync();
        Assert.Contains("/api/v1/cases", await list.Locator("h2").InnerTextAsync());
        Assert.Contains("公開サイトで提供", await page.Locator("[data-operation=open311CreateRequest]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-operation=open311CreateRequest] form").CountAsync());
        var staffOrigin = _session.Host.StaffUrl.GetLeftPart(UriPartial.Authority);
        Assert.Contains(loaded, url => url.EndsWith("/assets/Kocho.Api/reference.js", StringComparison.Ordinal));
        Assert.Contains(loaded, url => url.StartsWith(staffOrigin + "/api/v1/openapi.json", StringComparison.Ordinal));
        Assert.All(loaded, url => Assert.True(url.StartsWith(staffOrigin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"loaded from elsewhere: {url}"));

        await page.GetByTestId("reference-key").FillAsync(key);
        await page.GetByTestId("param-listCases-status").FillAsync("Received");
        await page.GetByTestId("send-listCases").ClickAsync();
        var result = page.GetByTestId("result-listCases");
        await Microsoft.Playwright.Assertions.Expect(result).ToContainTextAsync("結果: 200");
        Assert.Contains("\"total\": 0", await result.InnerTextAsync());
        await _session.AssertAccessibleAsync();
        _session.AssertNoProblems();
    }
}
