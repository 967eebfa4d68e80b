namespace Kocho.Core.Events;

/// <summary>
/// Handles an event inside the transaction that raised it, just before the commit: what it writes (the search change
/// feed) commits with the change or not at all, so a crash between commit and handler cannot lose it. A failure rolls
/// the whole action back, so keep these to bookkeeping that must not be lost.
/// </summary>
public interface ITransactionalEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleInTransactionAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
