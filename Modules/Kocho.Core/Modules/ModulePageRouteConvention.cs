using Kocho.Core.Sites;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Kocho.Core.Modules;

/// <summary>
/// Tags every Razor Page with its module (the page's area is the module id) and its site (by route),
/// so that <see cref="SiteMatcherPolicy"/> can hide it; staff pages require the staff-site permission.
/// </summary>
public sealed class ModulePageRouteConvention(ModuleCatalog catalog) : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        var module = model.AreaName is { } area ? catalog.Find(area) : null;
        foreach (var selector in model.Selectors)
        {
            if (module is not null)
            {
                selector.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
            }
            var site = SiteRoutes.SiteOf(selector.AttributeRouteModel?.Template);
            selector.EndpointMetadata.Add(site == Site.Staff ? SiteEndpointMetadata.Staff : SiteEndpointMetadata.Public);
            if (site == Site.Staff)
            {
                // Secure by default: every staff page needs a signed-in staff user; pages opt out with [AllowAnonymous].
                selector.EndpointMetadata.Add(new AuthorizeAttribute(Permissions.AccessStaffSite.Name));
            }
        }
    }
}
