using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kocho.Integrations.Mailbox;

/// <summary>Polls the mailbox on every node at the configured interval; the lease lets one node poll at a time.</summary>
public sealed class MailboxSchedule(
    IServiceScopeFactory scopes,
    EnabledModules enabledModules,
    IOptions<MailboxOptions> options,
    TimeProvider clock,
    ILogger<MailboxSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Schedule || !options.Value.Configured) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (enabledModules.IsEnabled(Startup.ModuleId))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<MailboxIntake>().PollAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling the mailbox {Host} failed; trying again in {Wait}", options.Value.Host, options.Value.PollInterval);
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
}
