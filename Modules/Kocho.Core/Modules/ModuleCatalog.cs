using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Kocho.Core.Modules;

/// <summary>
/// The modules the host references, found through their manifest attribute and ordered so that
/// every module comes after the modules it depends on.
/// </summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, ModuleDescriptor> _byId;

    public ModuleCatalog(IEnumerable<ModuleDescriptor> modules, IEnumerable<Assembly>? themes = null)
    {
        Themes = themes?.ToList() ?? [];
        _byId = new Dictionary<string, ModuleDescriptor>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!_byId.TryAdd(module.Id, module))
            {
                throw new InvalidOperationException($"Module id '{module.Id}' is declared twice.");
            }
        }
        foreach (var module in _byId.Values)
        {
            foreach (var dependency in module.Dependencies)
            {
                if (!_byId.ContainsKey(dependency))
                {
                    throw new InvalidOperationException($"Module '{module.Id}' depends on '{dependency}', which is not referenced by the host.");
                }
            }
        }
        Modules = TopologicalOrder(_byId.Values);
    }

    /// <summary>Theme assemblies (layouts and assets of the public and staff sites).</summary>
    public IReadOnlyList<Assembly> Themes { get; }

    /// <summary>Every assembly that contributes pages, text or assets: modules and themes.</summary>
    public IEnumerable<Assembly> Assemblies => Modules.Select(m => m.Assembly).Concat(Themes);

    /// <summary>All modules, dependencies first.</summary>
    public IReadOnlyList<ModuleDescriptor> Modules { get; }

    public ModuleDescriptor? Find(string id) => _byId.GetValueOrDefault(id);

    public ModuleDescriptor? FindByAssembly(Assembly assembly) =>
        Modules.FirstOrDefault(m => m.Assembly == assembly);

    /// <summary>The module and everything it needs, transitively, dependencies first.</summary>
    public IReadOnlyList<ModuleDescriptor> WithDependencies(string id)
    {
        var result = new List<ModuleDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(Find(id) ?? throw new KeyNotFoundException(id));
        return result;

        void Visit(ModuleDescriptor module)
        {
            if (!seen.Add(module.Id)) return;
            foreach (var dependency in module.Dependencies) Visit(_byId[dependency]);
            result.Add(module);
        }
    }

    /// <summary>The modules that need <paramref name="id"/> directly or transitively.</summary>
    public IReadOnlyList<ModuleDescriptor> Dependents(string id) =>
        Modules.Where(m => m.Id != id && WithDependencies(m.Id).Any(d => d.Id == id)).ToList();

    /// <summary>Finds module assemblies among the host's project references (its deps.json).</summary>
    public static ModuleCatalog Discover(DependencyContext? context = null)
    {
        context ??= DependencyContext.Default;
        var names = context?.RuntimeLibraries
            .Where(l => l.Type == "project")
            .Select(l => l.Name)
            .ToList() ?? [];
        var modules = new List<ModuleDescriptor>();
        var themes = new List<Assembly>();
        foreach (var name in names)
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(name));
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            if (assembly.GetCustomAttribute<KochoModuleAttribute>() is { } manifest)
            {
                modules.Add(new ModuleDescriptor(manifest, assembly));
            }
            else if (assembly.GetCustomAttribute<KochoThemeAttribute>() is not null)
            {
                themes.Add(assembly);
            }
        }
        return new ModuleCatalog(modules, themes);
    }

    private static List<ModuleDescriptor> TopologicalOrder(IEnumerable<ModuleDescriptor> modules)
    {
        var all = modules.OrderBy(m => m.Id, StringComparer.Ordinal).ToDictionary(m => m.Id);
        var ordered = new List<ModuleDescriptor>();
        var state = new Dictionary<string, bool>(); // false = visiting, true = done
        foreach (var module in all.Values) Visit(module);
        return ordered;

        void Visit(ModuleDescriptor module)
        {
            if (state.TryGetValue(module.Id, out var done))
            {
                if (!done) throw new InvalidOperationException($"Module dependency cycle through '{module.Id}'.");
                return;
            }
            state[module.Id] = false;
            foreach (var dependency in module.Dependencies) Visit(all[dependency]);
            state[module.Id] = true;
            ordered.Add(module);
        }
    }
}
