using Kocho.Alerts.Delivery;
using Kocho.Core.Calendar;
using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kocho.Alerts.Scans;

/// <summary>
/// Runs the morning jobs on every node; the leases let one node do each per business day: the deadline scan from
/// 8:00 JST, the digest from 8:30 (after the scan, so it includes the day's deadline alerts).
/// </summary>
public sealed class AlertSchedule(
    IServiceScopeFactory scopes,
    EnabledModules enabledModules,
    IOptions<AlertsOptions> options,
    TimeProvider clock,
    ILogger<AlertSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedule) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (enabledModules.IsEnabled(AlertRaiser.ModuleId)) await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The morning alert jobs failed; trying again in {Wait}", options.Value.PollInterval);
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

    /// <summary>Which morning jobs are due at <paramref name="utcNow"/>: none before 8:00 JST or on a closed day.</summary>
    public static (DateOnly Date, bool Scan, bool Digest) DueAt(DateTime utcNow, BusinessCalendar calendar, AlertsOptions options)
    {
        var now = JapanTime.ToJst(utcNow);
        var today = DateOnly.FromDateTime(now);
        var time = TimeOnly.FromDateTime(now);
        var open = calendar.IsBusinessDay(today);
        return (today, open && time >= options.ScanAt, open && time >= options.DigestAt);
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<BusinessCalendarService>().LoadAsync(cancellationToken);
        var (today, scan, digest) = DueAt(clock.GetUtcNow().UtcDateTime, calendar, options.Value);
        if (!scan) return;
        var jobs = scope.ServiceProvider.GetRequiredService<AlertJobs>();
        if (await jobs.ScanOnceAsync(today, cancellationToken) is { } counts)
        {
            logger.LogInformation("Morning alert scan of {Date}: {Count} alert(s)", today, counts.Values.Sum());
        }
        if (digest && await jobs.DigestOnceAsync(today, cancellationToken) is { } sent)
        {
            logger.LogInformation("Alert digest of {Date}: {Count} mail(s)", today, sent);
        }
    }
}
