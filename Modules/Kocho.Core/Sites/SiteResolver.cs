using Microsoft.AspNetCore.Http;

namespace Kocho.Core.Sites;

/// <summary>
/// Tells which site a request came in on, from the local port of its listener. A request on the public
/// listener never reaches a staff endpoint, whatever its path or headers say.
/// </summary>
public sealed class SiteResolver(IReadOnlySet<int> staffPorts)
{
    private const string ItemKey = "Kocho.Site";

    public Site Resolve(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is Site site)
        {
            return site;
        }
        site = staffPorts.Contains(context.Connection.LocalPort) ? Site.Staff : Site.Public;
        context.Items[ItemKey] = site;
        return site;
    }
}
