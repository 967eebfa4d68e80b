using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Events;

/// <summary>
/// Calls the handlers of an event that belong to enabled modules. A failing handler is logged and does
/// not undo the committed change; durable work (mail) goes through the outbox instead.
/// </summary>
public sealed class DomainEventDispatcher(
    IServiceProvider services,
    ModuleCatalog catalog,
    EnabledModules enabledModules,
    ILogger<DomainEventDispatcher> logger) : IDomainEventDispatcher
{
    public async Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(domainEvent.GetType());
        foreach (var handler in services.GetServices(handlerType))
        {
            if (handler is null) continue;
            var module = catalog.FindByAssembly(handler.GetType().Assembly);
            if (module is not null && !enabledModules.IsEnabled(module.Id)) continue;
            try
            {
                var task = (Task)handlerType.GetMethod("HandleAsync")!.Invoke(handler, [domainEvent, cancellationToken])!;
                await task;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Handler {Handler} failed for {Event}", handler.GetType().Name, domainEvent.GetType().Name);
            }
        }
    }
}
