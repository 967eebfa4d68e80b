namespace Kocho.Core.Sites;

/// <summary>Which site an endpoint answers on; endpoints without it belong to the public site.</summary>
public sealed class SiteEndpointMetadata(Site? site)
{
    /// <summary>Null = both sites (health checks).</summary>
    public Site? Site { get; } = site;

    public static readonly SiteEndpointMetadata Staff = new(Sites.Site.Staff);
    public static readonly SiteEndpointMetadata Public = new(Sites.Site.Public);
    public static readonly SiteEndpointMetadata Both = new(null);
}
