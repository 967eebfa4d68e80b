using Kocho.Core.Sites;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Tests.Security;

/// <summary>One route of the running app: the site it answers on ("public", "staff" or "both"), its pattern and methods.</summary>
public sealed record RouteEntry(string Site, string Pattern, IReadOnlyList<string>? Methods, Endpoint Endpoint)
{
    public string Key => $"{Site} {Pattern}";

    public bool Accepts(string method) => Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public bool IsPage => Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    public IEnumerable<bool> Listeners => Site switch { "staff" => [true], "public" => [false], _ => [false, true] };
}

/// <summary>The app's routing table as the endpoint data source holds it (static assets are middleware, not endpoints).</summary>
public static class RoutingTable
{
    public static IReadOnlyList<RouteEntry> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new RouteEntry(
                (e.Metadata.GetMetadata<SiteEndpointMetadata>() ?? SiteEndpointMetadata.Public).Site switch
                {
                    Site.Staff => "staff",
                    Site.Public => "public",
                    _ => "both",
                },
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('~').TrimStart('/'),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList(),
                e))
            .ToList();

    /// <summary>The POST handlers of a Razor page (null = the default <c>OnPost</c>), as the page loader compiles them.</summary>
    public static async Task<IReadOnlyList<string?>> PostHandlersAsync(IServiceProvider services, RouteEntry route)
    {
        var descriptor = route.Endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
        var compiled = await services.GetRequiredService<PageLoader>().LoadAsync(descriptor, route.Endpoint.Metadata);
        return compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)).Select(h => h.Name).Distinct().ToList();
    }
}
