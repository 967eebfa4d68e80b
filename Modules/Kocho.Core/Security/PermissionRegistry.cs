using Kocho.Core.Modules;

namespace Kocho.Core.Security;

/// <summary>All permissions of all modules, and which of them belong to enabled modules.</summary>
public sealed class PermissionRegistry(IEnumerable<ModulePermissions> providers, EnabledModules enabledModules)
{
    private readonly List<ModulePermissions> _providers = providers.ToList();

    public IEnumerable<(string ModuleId, Permission Permission)> All() =>
        _providers.SelectMany(p => p.Provider.GetPermissions().Select(perm => (p.ModuleId, perm)));

    public IEnumerable<(string ModuleId, Permission Permission)> Enabled() =>
        All().Where(p => enabledModules.IsEnabled(p.ModuleId));

    public Permission? Find(string name) => All().Select(p => p.Permission).FirstOrDefault(p => p.Name == name);

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> DefaultsOf(string moduleId) =>
        _providers.Where(p => p.ModuleId == moduleId).SelectMany(p => p.Provider.GetDefaultRoles());
}
