using Kocho.Alerts.Rules;
using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Intake;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>A staff member follows the unread count in the header to the inbox and opens an alert's case.</summary>
[Trait("Category", "Browser")]
public sealed class AlertsTests : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync();

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Staff_open_the_inbox_from_the_header_badge_and_an_alert_leads_to_its_case()
    {
        // An administrator who asked for the forwarding alerts by name; the public-hearing section forwards a letter.
        string receipt;
        await using (var scope = _session.Host.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var errors = await sp.GetRequiredService<AlertRuleService>().SaveAsync(null, new AlertRuleInput { Kind = "CaseForwarded", Department = "None", Users = "admin", Mail = false }, CancellationToken.None);
            Assert.Empty(errors);
            var departments = sp.GetRequiredService<DepartmentDirectory>();
            var section = CaseActor.System("広聴 太郎", (await departments.FindByCodeAsync("0103"))!.Id);
            var received = await sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
            {
                Channel = Channel.Letter, Subject = "公園の照明について", Body = "本文", Sender = SenderKind.Anonymous,
            });
            await sp.GetRequiredService<ForwardingService>().ForwardAsync(section, received.CaseId, new ForwardRequest((await departments.FindByCodeAsync("0502"))!.Id, []));
            receipt = received.ReceiptNumber!;
        }
        var page = _session.Page;
        await _session.SignInStaffAsync();

        var badge = page.GetByTestId("alerts-unread");
        var before = int.Parse(await badge.Locator(".badge").InnerTextAsync());
        Assert.Equal(1, before);
        await badge.ClickAsync();
        Assert.Equal("アラート", await page.GetByTestId("alerts-title").InnerTextAsync());
        await _session.AssertAccessibleAsync();
        var first = page.GetByTestId("alert-row").First;
        Assert.Equal("false", await first.GetAttributeAsync("data-read"));
        Assert.Contains($"受付番号 {receipt}", await first.InnerTextAsync());

        await first.GetByTestId("alert-open").ClickAsync();
        await page.WaitForURLAsync(url => BrowserSession.PathOf(url).StartsWith("/admin/opinions/", StringComparison.Ordinal));
        Assert.Equal(before - 1, int.Parse(await page.GetByTestId("alerts-unread").Locator(".badge").InnerTextAsync()));

        await page.GotoAsync(_session.Staff("/admin/alerts/preferences"));
        await _session.AssertAccessibleAsync();
        await page.GetByTestId("preference-Overdue-Digest").CheckAsync();
        await page.GetByTestId("preferences-save").ClickAsync();
        Assert.True(await page.GetByTestId("preferences-saved").IsVisibleAsync());
        Assert.True(await page.GetByTestId("preference-Overdue-Digest").IsCheckedAsync());
        _session.AssertNoProblems();
    }
}
