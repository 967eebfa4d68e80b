using Kocho.Core.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Kocho.Core.Sites;

/// <summary>
/// Routing rule for both sites and all modules: an endpoint of a disabled module, or of the other site,
/// is not a candidate, so the request ends in 404 exactly as if the route did not exist.
/// </summary>
public sealed class SiteMatcherPolicy(SiteResolver siteResolver, EnabledModules enabledModules) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var site = siteResolver.Resolve(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i)) continue;
            var endpoint = candidates[i].Endpoint;
            var siteMetadata = endpoint.Metadata.GetMetadata<SiteEndpointMetadata>() ?? SiteEndpointMetadata.Public;
            var module = endpoint.Metadata.GetMetadata<ModuleEndpointMetadata>();
            var allowed = (siteMetadata.Site is null || siteMetadata.Site == site)
                && (module is null || enabledModules.IsEnabled(module.ModuleId));
            if (!allowed) candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }
}
