using Kocho.Alerts.Data;
using Kocho.Alerts.Rules;
using Kocho.Alerts.Scans;
using Kocho.Core.Calendar;
using Kocho.Core.Jobs;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Intake;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Alerts;

/// <summary>
/// Two portal nodes on one database (PostgreSQL: one database; SQLite: one data folder) run the same morning's scan at
/// the same moment: one node runs it, the other skips, and every alert exists once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AlertClusterTests
{
    [Fact]
    public async Task Two_nodes_scanning_the_same_morning_raise_each_alert_once()
    {
        var recipes = Path.Combine(Path.GetTempPath(), "kocho-tests", "alert-recipes-" + Guid.NewGuid().ToString("N"));
        await AlertsSite.WriteRecipeAsync(recipes);
        await using var first = await PortalHost.StartAsync("alerts-test", $"--Kocho:Recipes:Path={recipes}", "--Kocho:Alerts:Schedule=false");
        await using var second = first.CreateNode("--Kocho:Alerts:Schedule=false");
        await second.StartAsync();

        // A case received and forwarded to 戸籍住民課 two weeks' worth of business days ago is overdue today.
        DateOnly today;
        BusinessCalendar calendar;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            calendar = await scope.ServiceProvider.GetRequiredService<BusinessCalendarService>().LoadAsync();
            today = Enumerable.Range(0, 10).Select(JapanTime.Today(TimeProvider.System).AddDays).First(calendar.IsBusinessDay);
        }
        var receivedOn = Enumerable.Range(1, 60).Select(i => today.AddDays(-i)).First(d => calendar.IsBusinessDay(d) && calendar.BusinessDaysBetween(d, today) == 20);
        Guid caseId;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var section = CaseActor.System("広聴 太郎", (await sp.GetRequiredService<Kocho.Core.Departments.DepartmentDirectory>().FindByCodeAsync("0103"))!.Id);
            var result = await sp.GetRequiredService<IntakeService>().RegisterAsync(section, new IntakeRequest
            {
                Channel = Channel.Letter, Subject = "二台のノードのテスト", Body = "本文", Sender = SenderKind.Anonymous, ReceivedOn = receivedOn,
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
            caseId = result.CaseId;
            var koseki = (await sp.GetRequiredService<Kocho.Core.Departments.DepartmentDirectory>().FindByCodeAsync("0502"))!.Id;
            await sp.GetRequiredService<ForwardingService>().ForwardAsync(section, caseId, new ForwardRequest(koseki, []));
        }

        var morning = calendar.AddBusinessDays(today, 1);
        async Task<IReadOnlyDictionary<AlertKind, int>?> ScanOn(PortalHost node)
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AlertJobs>().ScanOnceAsync(morning, CancellationToken.None);
        }
        var results = await Task.WhenAll(ScanOn(first), ScanOn(second));

        Assert.Single(results, r => r is not null);
        Assert.True(results.Single(r => r is not null)![AlertKind.Overdue] > 0);
        int overdueForCase;
        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlertsDbContext>();
            overdueForCase = await db.Alerts.CountAsync(a => a.ItemId == caseId && a.Kind == AlertKind.Overdue && a.BusinessDate == morning);
            // 戸籍住民課 (中村, 藤田) and the public-hearing section's PublicHearing staff (山口).
            Assert.Equal(3, overdueForCase);
            var duplicates = await db.Alerts.GroupBy(a => new { a.Kind, a.ItemId, a.RecipientUserId, a.BusinessDate }).CountAsync(g => g.Count() > 1);
            Assert.Equal(0, duplicates);
        }

        // Again that morning, on either node: done already.
        Assert.Null(await ScanOn(second));
        Assert.Null(await ScanOn(first));

        // The lease itself: while one node holds it the other cannot take it; once released, it can.
        await using var a = first.Services.CreateAsyncScope();
        await using var b = second.Services.CreateAsyncScope();
        var leaseA = a.ServiceProvider.GetRequiredService<JobLeases>();
        var leaseB = b.ServiceProvider.GetRequiredService<JobLeases>();
        Assert.True(await leaseA.TryAcquireAsync("test.job", TimeSpan.FromMinutes(5)));
        Assert.False(await leaseB.TryAcquireAsync("test.job", TimeSpan.FromMinutes(5)));
        Assert.True(await leaseA.TryAcquireAsync("test.job", TimeSpan.FromMinutes(5)));
        await leaseA.ReleaseAsync("test.job", "done");
        Assert.True(await leaseB.TryAcquireAsync("test.job", TimeSpan.FromMinutes(5)));
        Assert.Equal("done", await leaseB.LastCompletedAsync("test.job"));
        try { Directory.Delete(recipes, recursive: true); } catch (IOException) { }
    }
}
