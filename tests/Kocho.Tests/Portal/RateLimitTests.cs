using System.Net;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>Too many sign-in posts from one address get 429 with Retry-After; reading the page stays possible.</summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_are_refused_with_retry_after()
    {
        await using var host = await PortalHost.StartAsync("shinjuku", "--Kocho:RateLimits:sign-in:PermitLimit=3", "--Kocho:RateLimits:sign-in:WindowSeconds=300");
        using var client = host.StaffClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = "admin", ["Input.Password"] = "wrong-password-" + i });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = "admin", ["Input.Password"] = PortalHost.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 300);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("短い時間に多くの送信がありました。しばらく待ってからもう一度お試しください。", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(client.Cookies.GetCookies(host.StaffUrl), c => c.Name == "kocho.staff");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/login")).StatusCode);
    }
}
