using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kocho.Core.Mail;

/// <summary>
/// Delivers the outbox in the background on every node: right after a commit that enqueued mail on this node
/// (<see cref="MailSignal"/>), when a retry falls due, and otherwise every <see cref="MailOptions.PollInterval"/>
/// (mail enqueued on other nodes, a crashed node's leases). Claiming is safe across nodes (<see cref="MailDelivery"/>).
/// </summary>
public sealed class MailSender(
    MailDelivery delivery,
    MailSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailSender> logger) : BackgroundService
{
    /// <summary>Never spin: a due mail that another node holds without a lease row yet (PostgreSQL's SKIP LOCKED) is retried after this.</summary>
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var nextPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                if (await delivery.DeliverDueAsync(stoppingToken) is { } nextDue)
                {
                    var untilDue = nextDue - clock.GetUtcNow().UtcDateTime;
                    if (untilDue < wait) wait = untilDue < MinWait ? MinWait : untilDue;
                }
                if (clock.GetUtcNow().UtcDateTime >= nextPurge)
                {
                    var purged = await delivery.PurgeAsync(stoppingToken);
                    if (purged > 0) logger.LogInformation("Deleted {Count} delivered mail(s) from the outbox", purged);
                    nextPurge = clock.GetUtcNow().UtcDateTime + PurgeEvery;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The mail outbox could not be processed; trying again in {Wait}", wait);
            }
            try
            {
                await signal.WaitAsync(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
