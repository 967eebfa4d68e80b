using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Modules;
using Kocho.Core.Search;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Intake;
using Kocho.Privacy.Retention;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>
/// Issue #9 item 1: without anyone running <c>privacy purge</c>, the nightly job erases expired cases inside its night window
/// (from <c>Kocho:Privacy:PurgeAt</c>, JST), once per night, and not at other hours.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NightlyPurgeTests
{
    /// <summary>The clock of the night in question (the job only reads "now"; the host keeps the real clock).</summary>
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task The_nightly_job_erases_an_expired_case_once_a_night_inside_its_window()
    {
        // The host's own schedule is off: the test runs the same job at the hours it chooses.
        await using var host = await PortalHost.StartCopyAsync("demo-staff", "--Kocho:Privacy:Schedule=false");
        var first = await ExpiredCaseAsync(host, "夜間 一郎");
        var today = JapanTime.Today(TimeProvider.System);
        DateTimeOffset Jst(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), JapanTime.Offset);

        // At noon the job waits for the night.
        await RunScheduleAsync(host, Jst(today, 12, 0), TimeSpan.FromSeconds(3));
        Assert.Equal("夜間 一郎", await ContactNameAsync(host, first));

        // At 02:30 JST (PurgeAt 02:00, a three-hour window) it erases the case and audits the run.
        await RunScheduleAsync(host, Jst(today, 2, 30), TimeSpan.FromSeconds(90), until: async () => await CompletedNightAsync(host) == today);
        Assert.Null(await ContactNameAsync(host, first));
        Assert.Equal(1, await PurgeRunsAsync(host));

        // Later that same night another node or restart does not purge again; the next night does.
        var second = await ExpiredCaseAsync(host, "夜間 次郎");
        await RunScheduleAsync(host, Jst(today, 3, 0), TimeSpan.FromSeconds(3));
        Assert.Equal("夜間 次郎", await ContactNameAsync(host, second));
        await RunScheduleAsync(host, Jst(today.AddDays(1), 2, 5), TimeSpan.FromSeconds(90), until: async () => await CompletedNightAsync(host) == today.AddDays(1));
        Assert.Null(await ContactNameAsync(host, second));
        Assert.Equal(2, await PurgeRunsAsync(host));
    }

    private static async Task RunScheduleAsync(PortalHost host, DateTimeOffset now, TimeSpan wait, Func<Task<bool>>? until = null)
    {
        var sp = host.Services;
        var schedule = new PurgeSchedule(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<EnabledModules>(),
            Options.Create(new PurgeOptions { PollInterval = TimeSpan.FromMilliseconds(200) }), sp.GetRequiredService<ISearchService>(),
            new At(now), sp.GetRequiredService<ILogger<PurgeSchedule>>());
        await schedule.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow + wait;
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
                if (until is not null && await until()) return;
            }
        }
        finally
        {
            await schedule.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<Guid> ExpiredCaseAsync(PortalHost host, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IntakeService>().SubmitWebAsync(new IntakeRequest
        {
            Kind = CaseKind.Request, Subject = "夜間の街灯について", Body = "街灯が暗いです。", Sender = SenderKind.Contact, Name = name,
            Email = "night.purge@example.jp", WantsAnswer = true, AnswerMethod = AnswerMethod.Web, FormToken = Guid.NewGuid().ToString("N"),
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        // Test set-up only: finished six years ago (past the default five-year retention).
        await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.Where(c => c.Id == result.CaseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CaseStatus.Completed).SetProperty(c => c.ClosedAt, DateTime.UtcNow.AddYears(-6)));
        return result.CaseId;
    }

    private static async Task<string?> ContactNameAsync(PortalHost host, Guid caseId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpinionsDbContext>().Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.ContactName).SingleAsync();
    }

    /// <summary>The night (JST date) of the last purge run that completed, as its lease records it.</summary>
    private static async Task<DateOnly?> CompletedNightAsync(PortalHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<Kocho.Core.Jobs.JobLeases>().LastCompletedAsync(PrivacyPurge.Job);
        return DateOnly.TryParseExact(last, "yyyy-MM-dd", out var night) ? night : null;
    }

    private static async Task<int> PurgeRunsAsync(PortalHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Records.AsNoTracking().CountAsync(r => r.Action == "privacy.purge");
    }
}
