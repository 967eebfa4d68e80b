using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Protection;

/// <summary>Checks the key ring every few hours while the portal runs (the first check runs at start, before serving).</summary>
public sealed class KeyRotationService(KeyRingMaintenance maintenance, TimeProvider clock, ILogger<KeyRotationService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                maintenance.RotateIfDue();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Data Protection key rotation failed; it is tried again in {Interval}", Interval);
            }
        }
    }
}
