using System.Security.Claims;
using Kocho.Core.Modules;

namespace Kocho.Core.Navigation;

/// <summary>The header badges of enabled modules, in registration order; what <c>_AdminLayout</c> renders.</summary>
public sealed class HeaderBadges(IEnumerable<IHeaderBadge> badges, ModuleCatalog catalog, EnabledModules enabledModules)
{
    public async Task<IReadOnlyList<HeaderBadge>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var result = new List<HeaderBadge>();
        foreach (var badge in badges)
        {
            var module = catalog.FindByAssembly(badge.GetType().Assembly);
            if (module is not null && !enabledModules.IsEnabled(module.Id)) continue;
            if (await badge.GetAsync(user, cancellationToken) is { } shown) result.Add(shown);
        }
        return result;
    }
}
