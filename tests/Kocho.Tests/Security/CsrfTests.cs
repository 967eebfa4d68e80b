using System.Net;
using System.Text;
using Kocho.Api.Data;
using Kocho.Faq.Data;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Kocho.Users.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>
/// OWASP ASVS V4.2.2 / V13.2.3: every state-changing endpoint of the routing table (each POST handler of each page, both
/// listeners) refuses a request without a valid antiforgery token with 400 and changes nothing, even for the administrator;
/// the key-authenticated APIs (/api/v1, Open311) take no cookie at all, so a signed-in browser cannot be made to write there.
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CsrfTests(SecuritySite site)
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_post_handler_refuses_a_request_without_a_valid_antiforgery_token()
    {
        var paths = AuthorizationMatrixTests.Table(site).ToDictionary(e => e.Key, e => e.Path.Split('?')[0]);
        var targets = new List<(bool Staff, string Url)>();
        var unknown = new List<string>();
        foreach (var route in RoutingTable.Of(site.Host.Services).Where(r => r.IsPage))
        {
            var handlers = await RoutingTable.PostHandlersAsync(site.Host.Services, route);
            if (handlers.Count == 0) continue;
            if (!paths.TryGetValue(route.Key, out var path))
            {
                unknown.Add(route.Key);
                continue;
            }
            foreach (var staff in route.Listeners)
            {
                targets.AddRange(handlers.Select(h => (staff, h is null ? path : $"{path}?handler={h}")));
            }
        }
        Assert.True(unknown.Count == 0, "Pages with POST handlers but no row in the authorization matrix: " + string.Join(", ", unknown));
        Assert.True(targets.Count > 40, $"only {targets.Count} POST handlers found");

        // A token that is valid, but for another browser (a guest's): it must not pass for the signed-in person either.
        var guest = site.Sessions[Who.Anonymous];
        var foreignTokens = new Dictionary<bool, string>
        {
            [false] = PortalClient.AntiforgeryToken(await guest.Public.GetStringAsync("/account/login"))!,
            [true] = PortalClient.AntiforgeryToken(await guest.Staff.GetStringAsync("/admin/login"))!,
        };

        var before = await FingerprintAsync();
        var failures = new List<string>();
        foreach (var (staff, url) in targets)
        {
            // The person with the most rights on that site, so that only the missing token can be the reason for a refusal.
            var session = site.Sessions[staff ? Who.Admin : Who.Resident];
            foreach (var token in new[] { null, foreignTokens[staff] })
            {
                var fields = new Dictionary<string, string> { ["Comment"] = "csrf", ["Input.Name"] = "csrf" };
                if (token is not null) fields["__RequestVerificationToken"] = token;
                using var response = await session.On(staff).PostAsync(url, new FormUrlEncodedContent(fields));
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{(staff ? "staff" : "public")} POST {url} {(token is null ? "without a token" : "with another browser's token")}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} posts were not refused:\n" + string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync());
        // Nothing signed the administrator out either (the sign-out form is one of the posts).
        using var still = await site.Sessions[Who.Admin].Staff.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Every_other_write_endpoint_is_a_key_authenticated_API_that_ignores_cookies()
    {
        var writes = RoutingTable.Of(site.Host.Services).Where(r => !r.IsPage && r.Methods is not null && r.Methods.Any(m => WriteMethods.Contains(m))).Select(r => r.Key).Order().ToList();
        Assert.Equal(["public /open311/v2/requests.{format}", "staff /api/v1/cases"], writes);

        var cases = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync());
        using (var api = await site.Sessions[Who.Admin].Staff.PostAsync("/api/v1/cases", new StringContent(
            """{"channel":"Letter","kind":"Request","subject":"クッキーだけの登録","body":"本文","sender":"Anonymous"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }
        foreach (var who in new[] { Who.Resident, Who.Admin })
        {
            using var open311 = await site.Sessions[who].Public.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["service_code"] = site.CategoryCode, ["description"] = "クッキーだけの通報", ["address_string"] = "新宿区歌舞伎町1-4-1",
            }));
            Assert.True(open311.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{who} Open311 POST with a cookie only: {(int)open311.StatusCode}");
        }
        Assert.Equal(cases, await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync()));
    }

    /// <summary>What a successful post would have changed: cases and their history, FAQ, accounts, API keys.</summary>
    private Task<string> FingerprintAsync() => site.InScopeAsync(async sp =>
    {
        var opinions = sp.GetRequiredService<OpinionsDbContext>();
        var faq = sp.GetRequiredService<FaqDbContext>();
        var users = sp.GetRequiredService<UsersDbContext>();
        var api = sp.GetRequiredService<ApiDbContext>();
        return string.Join(" ",
            await opinions.Cases.CountAsync(), await opinions.History.CountAsync(), await opinions.Answers.CountAsync(), await opinions.Forwardings.CountAsync(),
            await faq.Entries.CountAsync(), await faq.Versions.CountAsync(), await faq.History.CountAsync(),
            await users.Users.CountAsync(), string.Join(",", await users.Users.OrderBy(u => u.Id).Select(u => u.SecurityStamp).ToListAsync()),
            await api.Keys.CountAsync());
    });
}
