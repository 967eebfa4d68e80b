using System.Net;
using System.Text.RegularExpressions;
using Kocho.Faq.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>
/// An error nobody planned for (here: a table gone from under the running site) ends in a Japanese page, or the API's
/// JSON error, with the security headers and nothing of the exception; the details are in the server log only.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ServerErrorTests
{
    [Fact]
    public async Task An_unexpected_error_shows_a_Japanese_page_or_a_json_error_and_no_details()
    {
        await using var host = await PortalHost.StartCopyAsync("demo");
        using var client = host.PublicClient();
        var number = FaqLink().Match(await client.GetStringAsync("/faq")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/faq/{number}")).StatusCode);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FaqDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE faq_versions RENAME TO faq_versions_gone");
        }

        var page = await client.GetAsync($"/faq/{number}");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.StartsWith("text/html", page.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", string.Join("", page.Headers.GetValues("X-Content-Type-Options")));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>エラーが発生しました</h1>", html);
        Assert.Contains("時間をおいてもう一度お試しください", html);

        var api = await client.GetAsync($"/api/faq/{number}");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        var json = await api.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"server_error\"", json);

        foreach (var body in new[] { html, json })
        {
            Assert.DoesNotContain("faq_versions", body);
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain(" at Kocho.", body);
        }
        Assert.Contains(host.Log.Errors, e => e.Contains("Unhandled error on GET /faq/") && e.Contains("faq_versions"));
    }

    [GeneratedRegex(@"href=""/faq/(\d+)""")]
    private static partial Regex FaqLink();
}
