using System.Globalization;
using Kocho.Core.Calendar;
using Kocho.Core.Jobs;
using Kocho.Core.Modules;
using Kocho.Core.Search;
using Kocho.Opinions.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kocho.Privacy.Retention;

/// <summary>
/// The nightly purge on every node; its lease in <c>core_job_leases</c> lets one node of the cluster run it per JST
/// date. Each node afterwards merges the erased documents out of its own index copy, whichever node (or CLI) purged.
/// </summary>
public sealed class PurgeSchedule(
    IServiceScopeFactory scopes,
    EnabledModules enabledModules,
    IOptions<PurgeOptions> options,
    ISearchService search,
    TimeProvider clock,
    ILogger<PurgeSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromHours(2);
    private static readonly TimeSpan Window = TimeSpan.FromHours(3);
    private string? _expungedAfter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedule) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (enabledModules.IsEnabled("Kocho.Privacy")) await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The nightly privacy purge failed; trying again in {Wait}", options.Value.PollInterval);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var now = JapanTime.ToJst(clock.GetUtcNow().UtcDateTime);
        // A night's window: a node started in the afternoon waits for the next night rather than purging at once.
        if (TimeOnly.FromDateTime(now) - options.Value.PurgeAt < Window)
        {
            var run = DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await leases.RunOnceAsync(PrivacyPurge.Job, run, Lease,
                ct => scope.ServiceProvider.GetRequiredService<PrivacyPurge>().RunAsync(dryRun: false, ct), cancellationToken);
        }
        var last = await leases.LastCompletedAsync(PrivacyPurge.Job, cancellationToken);
        if (last is not null && last != _expungedAfter)
        {
            await search.ExpungeAsync(CaseIndex.Name, [], cancellationToken);
            _expungedAfter = last;
        }
    }
}
