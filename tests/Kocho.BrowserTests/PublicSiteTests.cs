using Microsoft.Playwright;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>A resident opens the public site in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class PublicSiteTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task The_home_page_is_Japanese_accessible_and_styled()
    {
        var page = _session.Page;
        await page.GotoAsync(_session.Public("/"));

        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("新宿区 区民の声・よくある質問", await page.GetByTestId("home-title").InnerTextAsync());
        var headerColour = await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(0, 88, 122)", headerColour);
        await _session.AssertAccessibleAsync();
        _session.AssertNoProblems();
    }

    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_to_the_content()
    {
        var page = _session.Page;
        await page.GotoAsync(_session.Public("/"));

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        Assert.Equal("本文へ移動", focused);
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);

        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url);
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        _session.AssertNoProblems();
    }

    [Fact]
    public async Task A_resident_switches_the_site_to_English_and_back()
    {
        var page = _session.Page;
        await page.GotoAsync(_session.Public("/"));

        await page.GetByTestId("lang-en").ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Shinjuku City Resident Voice & FAQ", await page.GetByTestId("home-title").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("lang-ja").ClickAsync();
        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        _session.AssertNoProblems();
    }

    [Fact]
    public async Task A_page_that_does_not_exist_says_so_in_Japanese()
    {
        var response = await _session.Page.GotoAsync(_session.Public("/admin"));
        Assert.Equal(404, response!.Status);
        Assert.Contains("ページが見つかりません", await _session.Page.InnerTextAsync("body"));
    }

    [Fact]
    public async Task On_a_phone_the_home_page_fits_the_screen()
    {
        await _session.Page.SetViewportSizeAsync(375, 740);
        await _session.Page.GotoAsync(_session.Public("/"));
        var overflow = await _session.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        await _session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Every_public_page_passes_axe_in_both_languages()
    {
        string[] paths =
        [
            "/", "/account/register", "/account/register/sent", "/account/verify?userId=x&token=y", "/account/login",
            "/account/forgot", "/account/reset?userId=x&token=y", "/account/email/confirm?userId=x&token=y", "/account/deleted",
        ];
        var page = _session.Page;
        foreach (var language in new[] { "ja", "en" })
        {
            await page.GotoAsync(_session.Public("/"));
            await page.GetByTestId("lang-" + language).ClickAsync();
            foreach (var path in paths)
            {
                await page.GotoAsync(_session.Public(path));
                Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
                await _session.AssertAccessibleAsync();
            }
        }
        _session.AssertNoProblems();
    }
}
