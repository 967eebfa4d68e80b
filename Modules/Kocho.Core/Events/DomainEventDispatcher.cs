using Kocho.Core.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Events;

/// <summary>
/// Calls the handlers of an event that belong to enabled modules. A failing handler is logged and does
/// not undo the committed change; durable work (mail) goes through the outbox instead. Transactional handlers run
/// before the commit and their failure is the action's failure.
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

    public async Task DispatchInTransactionAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var handlerType = typeof(ITransactionalEventHandler<>).MakeGenericType(domainEvent.GetType());
        foreach (var handler in services.GetServices(handlerType))
        {
            if (handler is null) continue;
            var module = catalog.FindByAssembly(handler.GetType().Assembly);
            if (module is not null && !enabledModules.IsEnabled(module.Id)) continue;
            try
            {
                await (Task)handlerType.GetMethod("HandleInTransactionAsync")!.Invoke(handler, [domainEvent, cancellationToken])!;
            }
            catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            }
        }
    }
}
