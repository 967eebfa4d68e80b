using System.Threading.Channels;
using Kocho.Core.Events;

namespace Kocho.Core.Mail;

/// <summary>
/// Wakes the sender as soon as a transaction that enqueued mail has committed, instead of at its next poll.
/// Several commits before the sender looks again make one wake-up.
/// </summary>
public sealed class MailSignal : IDomainEventHandler<MailEnqueued>
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public Task HandleAsync(MailEnqueued domainEvent, CancellationToken cancellationToken)
    {
        Notify();
        return Task.CompletedTask;
    }

    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout < MaxWait ? timeout : MaxWait, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _channel.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // timed out: time to poll
        }
        _channel.Reader.TryRead(out _);
    }
}
