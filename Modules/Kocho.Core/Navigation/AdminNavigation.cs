using System.Security.Claims;
using Kocho.Core.Modules;
using Microsoft.AspNetCore.Authorization;

namespace Kocho.Core.Navigation;

/// <summary>Builds the staff navigation from enabled modules' menus, filtered by the user's permissions.</summary>
public sealed class AdminNavigation(IEnumerable<ModuleAdminMenu> menus, EnabledModules enabledModules, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<AdminMenuItem>> ItemsForAsync(ClaimsPrincipal user)
    {
        var result = new List<AdminMenuItem>();
        foreach (var menu in menus.Where(m => enabledModules.IsEnabled(m.ModuleId)))
        {
            foreach (var item in menu.Menu.GetItems())
            {
                if (item.Permission is null || (await authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
                {
                    result.Add(item);
                }
            }
        }
        return result.OrderBy(i => i.Order).ThenBy(i => i.Text, StringComparer.Ordinal).ToList();
    }
}
