using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kocho.Integrations.Webhooks;

/// <summary>Runs the webhook sender on every node: at each poll, or at once when this node queued a delivery; the lease lets one node send.</summary>
public sealed class WebhookSchedule(
    IServiceScopeFactory scopes,
    EnabledModules enabledModules,
    WebhookSignal signal,
    IOptions<WebhooksOptions> options,
    ILogger<WebhookSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedule) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (enabledModules.IsEnabled(Startup.ModuleId))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendDueAsync(stoppingToken);
                }
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The webhook sender failed; trying again in {Wait}", options.Value.PollInterval);
                try { await Task.Delay(options.Value.PollInterval, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
