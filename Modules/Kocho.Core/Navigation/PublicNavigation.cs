using Kocho.Core.Modules;

namespace Kocho.Core.Navigation;

/// <summary>The public site's services, from enabled modules only.</summary>
public sealed class PublicNavigation(IEnumerable<ModulePublicMenu> menus, EnabledModules enabledModules)
{
    public IReadOnlyList<PublicMenuItem> Items() =>
        menus.Where(m => enabledModules.IsEnabled(m.ModuleId))
            .SelectMany(m => m.Menu.GetItems())
            .OrderBy(i => i.Order)
            .ToList();
}
