using Kocho.Core.Navigation;
using Kocho.Core.Settings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Core.Areas.Kocho.Core.Pages;

/// <summary>The residents' home page: site name, the services of enabled modules, and how to reach the ward.</summary>
public sealed class IndexModel(SiteSettings settings, SiteIdentity site, PublicNavigation navigation) : PageModel
{
    public string SiteName { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public IReadOnlyList<PublicMenuItem> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SiteName = await site.NameAsync();
        Municipality = await settings.GetStringAsync("Site.Municipality", cancellationToken) ?? "";
        Phone = await settings.GetStringAsync("Site.ContactPhone", cancellationToken) ?? "";
        Links = navigation.Items();
    }
}
