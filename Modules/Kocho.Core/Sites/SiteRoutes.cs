namespace Kocho.Core.Sites;

/// <summary>The one rule that places a route on a site: everything under <c>/admin</c> is the staff site.</summary>
public static class SiteRoutes
{
    public const string AdminPrefix = "admin";

    public static Site SiteOf(string? routeTemplate)
    {
        var template = (routeTemplate ?? "").TrimStart('~').TrimStart('/');
        return template.Equals(AdminPrefix, StringComparison.OrdinalIgnoreCase)
            || template.StartsWith(AdminPrefix + "/", StringComparison.OrdinalIgnoreCase)
            ? Site.Staff
            : Site.Public;
    }
}
