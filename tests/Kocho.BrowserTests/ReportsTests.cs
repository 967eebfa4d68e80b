using Xunit;

namespace Kocho.BrowserTests;

/// <summary>The public-hearing section reads the statistics, a department's analysis, FAQ use and the export page and its progress page: each passes axe.</summary>
[Trait("Category", "Browser")]
public sealed class ReportsTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync("demo");

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task The_section_reads_statistics_per_department_faq_use_and_prepares_an_export()
    {
        var page = _session.Page;
        await _session.SignInStaffAsync("kocho.yamaguchi", Kocho.Tests.Infrastructure.PortalHost.DemoPassword);
        await page.GotoAsync(_session.Staff("/admin/reports"));
        Assert.Equal("意見等の統計", await page.GetByTestId("reports-title").InnerTextAsync());
        Assert.Contains("令和", await page.GetByTestId("report-period").InnerTextAsync());
        Assert.Equal("img", await page.GetByTestId("chart-months").GetAttributeAsync("role"));
        Assert.True(await page.GetByTestId("table-months").Locator("tbody tr").CountAsync() >= 12);
        await _session.AssertAccessibleAsync();
        // Printable: on paper the menus and filters go, the charts and their data tables stay.
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await page.GetByTestId("report-filters").IsVisibleAsync());
        Assert.False(await page.GetByTestId("admin-nav").IsVisibleAsync());
        Assert.True(await page.GetByTestId("chart-months").IsVisibleAsync());
        Assert.True(await page.GetByTestId("table-channel").IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Screen });

        await page.GetByTestId("nav-departments").ClickAsync();
        Assert.Equal("所属毎の分析", await page.GetByTestId("departments-title").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("nav-faq").ClickAsync();
        Assert.Equal("FAQの利用状況", await page.GetByTestId("faq-stats-title").InnerTextAsync());
        await _session.AssertAccessibleAsync();

        await page.GetByTestId("nav-exports").ClickAsync();
        await page.GetByTestId("export-name").SelectOptionAsync("history");
        await page.GetByTestId("export-preview").ClickAsync();
        Assert.Contains("件を出力します。", await page.GetByTestId("export-rows").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        // Prepared in the background: the progress page (polled by its script) turns into the download.
        await page.GetByTestId("export-download").ClickAsync();
        await page.GetByTestId("export-done").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("件のCSVを作成しました。", await page.GetByTestId("export-done").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-file").ClickAsync());
        Assert.StartsWith("history_kocho.yamaguchi_", download.SuggestedFilename);
        _session.AssertNoProblems();
    }
}
