namespace Kocho.Core.Events;

/// <summary>Modules cooperate through these handlers instead of calling each other's internals.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
