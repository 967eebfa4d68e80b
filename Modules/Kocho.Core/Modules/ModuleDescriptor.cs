using System.Reflection;

namespace Kocho.Core.Modules;

/// <summary>What the host knows about one discovered module.</summary>
public sealed class ModuleDescriptor
{
    public ModuleDescriptor(KochoModuleAttribute manifest, Assembly assembly)
    {
        Manifest = manifest;
        Assembly = assembly;
    }

    public KochoModuleAttribute Manifest { get; }
    public Assembly Assembly { get; }
    public string Id => Manifest.Id;
    public string Name => Manifest.Name;
    public string Description => Manifest.Description;
    public IReadOnlyList<string> Dependencies => Manifest.Dependencies;
    public bool AlwaysEnabled => Manifest.AlwaysEnabled;

    /// <summary>Filled while the module's startup runs: the DbContexts whose migrations it owns.</summary>
    public List<Type> DbContextTypes { get; } = [];

    public ModuleStartup? Startup { get; internal set; }

    public override string ToString() => Id;
}
