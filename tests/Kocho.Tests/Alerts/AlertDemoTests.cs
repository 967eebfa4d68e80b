using Kocho.Alerts.Data;
using Kocho.Alerts.Rules;
using Kocho.Alerts.Scans;
using Kocho.Core.Calendar;
using Kocho.Tests.Opinions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Alerts;

/// <summary>The demo site's cases include ones due soon, overdue and not forwarded, so a morning scan on it raises alerts.</summary>
[Trait("Category", "Integration")]
[Collection(DemoSiteCollection.Name)]
public sealed class AlertDemoTests(DemoSiteFixture demo)
{
    [Fact]
    public async Task A_scan_of_the_demo_site_raises_due_soon_overdue_and_not_forwarded_alerts_for_its_staff()
    {
        await using var scope = demo.Host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var calendar = await sp.GetRequiredService<BusinessCalendarService>().LoadAsync();
        // The next business day: the site's own schedule may have scanned today already.
        var morning = calendar.AddBusinessDays(JapanTime.Today(TimeProvider.System), 1);

        var counts = await sp.GetRequiredService<AlertJobs>().ScanNowAsync(morning, CancellationToken.None);

        Assert.NotNull(counts);
        Assert.True(counts.GetValueOrDefault(AlertKind.Overdue) > 10, string.Join(", ", counts));
        Assert.True(counts.GetValueOrDefault(AlertKind.DueSoon) > 0, string.Join(", ", counts));
        Assert.True(counts.GetValueOrDefault(AlertKind.NotForwarded) > 0, string.Join(", ", counts));
        var db = sp.GetRequiredService<AlertsDbContext>();
        var recipients = await db.Alerts.Where(a => a.BusinessDate == morning).Select(a => a.RecipientUserId).Distinct().CountAsync();
        Assert.True(recipients >= 5, $"{recipients} staff members got alerts");
    }
}
