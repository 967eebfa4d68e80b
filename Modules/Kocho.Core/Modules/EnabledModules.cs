using System.Collections.Immutable;

namespace Kocho.Core.Modules;

/// <summary>
/// The enabled-module set as last read from the database. Routing, menus, recipe steps and event
/// handlers consult it on every use, so enabling or disabling takes effect without a restart.
/// </summary>
public sealed class EnabledModules
{
    private ImmutableHashSet<string> _enabled = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    public IReadOnlySet<string> Ids => _enabled;

    public bool IsEnabled(string moduleId) => _enabled.Contains(moduleId);

    internal void Set(IEnumerable<string> ids) =>
        _enabled = ImmutableHashSet.CreateRange(StringComparer.Ordinal, ids);
}
