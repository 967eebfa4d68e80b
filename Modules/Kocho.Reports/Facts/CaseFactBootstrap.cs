using Kocho.Core.Modules;
using Kocho.Core.Reporting;
using Kocho.Reports.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Reports.Facts;

/// <summary>At start, fills an empty roll-up from the cases already there (Reports enabled on a site with cases, a restored database).</summary>
public sealed class CaseFactBootstrap(IServiceScopeFactory scopes, EnabledModules modules, ILogger<CaseFactBootstrap> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            if (!modules.IsEnabled("Kocho.Reports")) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportsDbContext>();
            if (await db.Facts.AnyAsync(stoppingToken)) return;
            if (await scope.ServiceProvider.GetRequiredService<ICaseFactsSource>().CountAsync(stoppingToken) == 0) return;
            var count = await scope.ServiceProvider.GetRequiredService<CaseFactWriter>().RebuildAsync(null, stoppingToken);
            logger.LogInformation("Reports roll-up filled with {Count} cases", count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reports roll-up could not be filled at start; run 'reports rebuild'");
        }
    }
}
