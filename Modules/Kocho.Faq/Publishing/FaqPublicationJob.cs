using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Faq.Publishing;

/// <summary>
/// Publish-from and publish-to dates take effect without anyone acting: every few minutes the entries whose window
/// opened or closed are put on or taken off the site (and so into or out of the search index). Public queries also check the dates.
/// </summary>
public sealed class FaqPublicationJob(IServiceScopeFactory scopes, ILogger<FaqPublicationJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private const string LeaseName = "faq.publication";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var enabled = scope.ServiceProvider.GetRequiredService<Kocho.Core.Modules.EnabledModules>();
                if (!enabled.IsEnabled("Kocho.Faq")) continue;
                // One node at a time: two nodes flipping the same entry would announce its publication twice.
                var leases = scope.ServiceProvider.GetRequiredService<Kocho.Core.Jobs.JobLeases>();
                if (!await leases.TryAcquireAsync(LeaseName, Interval, stoppingToken)) continue;
                try
                {
                    var changed = await scope.ServiceProvider.GetRequiredService<FaqPublication>().RefreshAllAsync(stoppingToken);
                    if (changed > 0) logger.LogInformation("FAQ publication: {Count} entries went on or off the site", changed);
                }
                finally
                {
                    await leases.ReleaseAsync(LeaseName, completed: null, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Before setup the tables may not exist yet; the next tick tries again.
                logger.LogDebug(ex, "FAQ publication check skipped");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
