namespace Kocho.Core.Events;

public interface IDomainEventDispatcher
{
    /// <summary>After commit: the <see cref="IDomainEventHandler{TEvent}"/>s; a failure is logged, the change stays.</summary>
    Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);

    /// <summary>Before commit: the <see cref="ITransactionalEventHandler{TEvent}"/>s; a failure rolls the transaction back.</summary>
    Task DispatchInTransactionAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
