using Kocho.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Reports.Exports;

/// <summary>
/// Runs queued exports one at a time on this node (woken by <see cref="PreparedExportSignal"/>, else every few seconds), each
/// in its own scope whose audit records name the staff member who asked; and deletes expired prepared files.
/// </summary>
public sealed class PreparedExportWorker(IServiceScopeFactory scopes, PreparedExportSignal signal, ILogger<PreparedExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<PreparedExports>().ExpireAsync(stoppingToken);
                }
                while (await RunNextAsync(stoppingToken)) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The tables may not exist yet (module being enabled): try again at the next round.
                logger.LogWarning(ex, "Prepared exports could not be processed");
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<PreparedExports>();
        var job = await jobs.ClaimNextAsync(stoppingToken);
        if (job is null) return false;
        scope.ServiceProvider.GetRequiredService<AmbientAuditActor>().Actor = new AuditActor(AuditActor.StaffKind, job.UserId, job.ActorName);
        try
        {
            await jobs.RunAsync(job, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Export {Export} ({Id}) failed", job.ExportName, job.Id);
            await using var cleanup = scopes.CreateAsyncScope();
            await cleanup.ServiceProvider.GetRequiredService<PreparedExports>().FailAsync(job.Id, CancellationToken.None);
        }
        return true;
    }
}
