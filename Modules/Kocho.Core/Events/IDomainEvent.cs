namespace Kocho.Core.Events;

/// <summary>Something that happened in a module, published after its transaction commits.</summary>
public interface IDomainEvent;
