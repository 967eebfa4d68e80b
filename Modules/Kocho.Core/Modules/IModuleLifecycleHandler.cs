namespace Kocho.Core.Modules;

/// <summary>Runs inside the transaction that enables a module (e.g. to grant its default permissions).</summary>
public interface IModuleLifecycleHandler
{
    Task EnabledAsync(ModuleDescriptor module, CancellationToken cancellationToken);
}
