using System.Globalization;
using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Jobs;
using Kocho.Privacy.Retention;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Privacy;

/// <summary>
/// #12 item 3: the nightly retention purge is scheduled on every node, and with two nodes on one database it falls due
/// on both at the same moment; one of them runs it, once for the night.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PurgeClusterTests
{
    [Fact]
    public async Task Two_nodes_with_the_nightly_purge_falling_due_together_run_it_once()
    {
        // Due a little after both nodes are up (both poll every second), in Japan time as the schedule reads it. On a
        // slow machine the first node may purge before the second is up; the second then finds the night done.
        var now = JapanTime.ToJst(DateTime.UtcNow);
        var due = TimeOnly.FromDateTime(now).Add(TimeSpan.FromSeconds(40));
        Assert.True(due > TimeOnly.FromDateTime(now), "the test does not run in the minute before midnight in Japan");
        string[] schedule = ["--Kocho:Privacy:Schedule=true", $"--Kocho:Privacy:PurgeAt={due.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}", "--Kocho:Privacy:PollInterval=00:00:01"];
        await using var first = await PortalHost.StartCopyAsync("shinjuku", schedule);
        await using var second = first.CreateNode();
        await second.StartAsync();

        var run = DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var waited = 0; await LastRunAsync(second) != run; waited++)
        {
            Assert.True(waited < 240, "the purge did not run within two minutes of falling due");
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // both nodes have polled a few more times since

        Assert.Equal(1, await PurgeRecordsAsync(second));
    }

    private static async Task<string?> LastRunAsync(PortalHost node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().LastCompletedAsync(PrivacyPurge.Job);
    }

    private static async Task<int> PurgeRecordsAsync(PortalHost node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Records.CountAsync(r => r.Action == "privacy.purge");
    }
}
