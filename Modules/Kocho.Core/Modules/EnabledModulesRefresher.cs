using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Modules;

/// <summary>
/// Re-reads the enabled-module set every few seconds (<c>Kocho:Modules:RefreshSeconds</c>, default 5), so that a
/// change made by the CLI or by another node reaches this running site without a restart.
/// </summary>
public sealed class EnabledModulesRefresher(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<EnabledModulesRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Kocho:Modules:RefreshSeconds", 5)));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ModuleManager>().RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the enabled modules; keeping the last known set");
            }
        }
    }
}
