using Kocho.Core.Modules;

namespace Kocho.Core.Navigation;

/// <summary>The public layout's module scripts, from enabled modules only.</summary>
public sealed class PublicScriptRegistry(IEnumerable<ModulePublicScripts> scripts, EnabledModules enabledModules)
{
    public IReadOnlyList<string> Urls() =>
        scripts.Where(s => enabledModules.IsEnabled(s.ModuleId))
            .SelectMany(s => s.Scripts.GetScripts())
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
