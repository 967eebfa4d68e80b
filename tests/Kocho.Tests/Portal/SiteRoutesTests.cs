using Kocho.Core.Sites;
using Xunit;

namespace Kocho.Tests.Portal;

public sealed class SiteRoutesTests
{
    [Theory]
    [InlineData("/admin", Site.Staff)]
    [InlineData("admin/modules", Site.Staff)]
    [InlineData("~/admin/login", Site.Staff)]
    [InlineData("/Admin/Users", Site.Staff)]
    [InlineData("/", Site.Public)]
    [InlineData("/faq", Site.Public)]
    [InlineData("/administration-guide", Site.Public)]
    [InlineData(null, Site.Public)]
    public void Everything_under_admin_is_the_staff_site(string? template, Site expected) =>
        Assert.Equal(expected, SiteRoutes.SiteOf(template));
}
