using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Kocho.Core.Web.Refusals;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>Every policy allows two requests in ten minutes here, so that the third shows the refusal.</summary>
public sealed class TightLimitsSite() : AbuseSite(
    "--Kocho:RateLimits:sign-in:PermitLimit=2", "--Kocho:RateLimits:sign-in:WindowSeconds=600",
    "--Kocho:RateLimits:registration:PermitLimit=2", "--Kocho:RateLimits:registration:WindowSeconds=600",
    "--Kocho:RateLimits:password-reset:PermitLimit=2", "--Kocho:RateLimits:password-reset:WindowSeconds=600",
    "--Kocho:RateLimits:public-form:PermitLimit=2", "--Kocho:RateLimits:public-form:WindowSeconds=600",
    "--Kocho:RateLimits:faq-feedback:PermitLimit=2", "--Kocho:RateLimits:faq-feedback:WindowSeconds=600",
    "--Kocho:RateLimits:search:PermitLimit=2", "--Kocho:RateLimits:search:WindowSeconds=600",
    "--Kocho:RateLimits:open311:PermitLimit=2", "--Kocho:RateLimits:open311:WindowSeconds=600");

/// <summary>
/// ASVS V2.2.1 / V11.1.4 / V13.2: every public form, both sign-ins, password reset, the FAQ search (page and API) and
/// Open311 answer a burst from one address with 429, Retry-After and a Japanese message in the endpoint's own form
/// (a page, JSON, or Open311's XML), and the refused request stores nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RateLimitAbuseTests(TightLimitsSite site) : IClassFixture<TightLimitsSite>
{
    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var wait = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait!.Value.TotalSeconds, 1, 600);
    }

    [Fact]
    public async Task The_opinion_form_refuses_the_third_post_with_a_page_and_makes_no_case()
    {
        using var client = site.Host.PublicClient();
        var (antiforgery, formToken) = await AbuseSite.OpenOpinionFormAsync(client);
        var fields = AbuseSite.OpinionForm(formToken, "連投のテスト").Append(("__RequestVerificationToken", antiforgery)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsync("/opinions/new?handler=Confirm", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsync("/opinions/new?handler=Confirm", new FormUrlEncodedContent(fields))).StatusCode);
        var before = await site.StoredAsync();

        var refused = await client.Http.PostAsync("/opinions/new?handler=Send", new FormUrlEncodedContent(fields));

        await AbuseSite.AssertRefusalPageAsync(refused, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        AssertRetryAfter(refused);
        Assert.Equal(0, await site.CasesAsync("連投のテスト"));
        Assert.Equal(before, await site.StoredAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/opinions/new")).StatusCode);
    }

    [Fact]
    public async Task Registration_and_password_reset_refuse_the_third_post_and_send_no_mail()
    {
        using var client = site.Host.PublicClient();
        Dictionary<string, string> Registration(int n) => new()
        {
            ["Email"] = $"burst{n}@example.jp", ["Password"] = "resident-pass-2026", ["Form.Name"] = "新宿 花子", ["Form.PostalCode"] = "１６０－８４８４",
            ["Form.Address"] = "東京都新宿区歌舞伎町1-4-1", ["Form.Phone"] = "090-1234-5678", ["Form.Fax"] = "", ["Consent"] = "true",
        };
        for (var n = 1; n <= 2; n++) Assert.Equal("/account/register/sent", (await client.PostFormAsync("/account/register", Registration(n))).RequestMessage!.RequestUri!.AbsolutePath);
        for (var n = 1; n <= 2; n++) Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/forgot", new() { ["Email"] = $"burst{n}@example.jp" })).StatusCode);
        var before = await site.StoredAsync();
        var resetMails = await site.MailsToAsync("burst1@example.jp");

        var registration = await client.PostFormAsync("/account/register", Registration(3));
        var reset = await client.PostFormAsync("/account/forgot", new() { ["Email"] = "burst1@example.jp" });

        await AbuseSite.AssertRefusalPageAsync(registration, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        await AbuseSite.AssertRefusalPageAsync(reset, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        AssertRetryAfter(registration);
        AssertRetryAfter(reset);
        Assert.Equal(before, await site.StoredAsync());
        Assert.Equal(0, await site.MailsToAsync("burst3@example.jp"));
        Assert.Equal(resetMails, await site.MailsToAsync("burst1@example.jp"));
    }

    [Fact]
    public async Task Resident_and_staff_sign_in_share_one_limit_and_a_refused_right_password_signs_nobody_in()
    {
        using var resident = site.Host.PublicClient();
        using var staff = site.Host.StaffClient();
        Assert.Equal(HttpStatusCode.OK, (await resident.PostFormAsync("/account/login", new() { ["Email"] = "nobody@example.jp", ["Password"] = "wrong-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostFormAsync("/admin/login", new() { ["Input.Login"] = "koseki.nakamura", ["Input.Password"] = "wrong-password" })).StatusCode);

        var refusedStaff = await staff.PostFormAsync("/admin/login", new() { ["Input.Login"] = "koseki.nakamura", ["Input.Password"] = PortalHost.DemoPassword });
        var refusedResident = await resident.PostFormAsync("/account/login", new() { ["Email"] = "nobody@example.jp", ["Password"] = "wrong-password" });

        await AbuseSite.AssertRefusalPageAsync(refusedStaff, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        await AbuseSite.AssertRefusalPageAsync(refusedResident, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        AssertRetryAfter(refusedStaff);
        Assert.DoesNotContain(staff.Cookies.GetCookies(site.Host.StaffUrl), c => c.Name == "kocho.staff");
    }

    [Fact]
    public async Task Faq_feedback_refuses_the_third_post_and_records_nothing()
    {
        using var client = site.Host.PublicClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/faq/2", new() { ["Helpful"] = "true", ["Comment"] = "役に立ちました" }, handler: "Feedback")).StatusCode);
        }
        var before = await site.StoredAsync();

        var refused = await client.PostFormAsync("/faq/2", new() { ["Helpful"] = "false", ["Comment"] = "三回目" }, handler: "Feedback");

        await AbuseSite.AssertRefusalPageAsync(refused, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        AssertRetryAfter(refused);
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task Faq_search_page_and_api_share_a_limit_the_page_refuses_with_a_page_and_the_api_with_json_and_nothing_is_logged()
    {
        using var client = site.Host.PublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/faq/search?q=" + Uri.EscapeDataString("存在しない語ぞぬ一"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("存在しない語ぞぬ二"))).StatusCode);
        var before = await site.StoredAsync();

        var page = await client.GetAsync("/faq/search?q=" + Uri.EscapeDataString("存在しない語ぞぬ三"));
        var api = await client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("存在しない語ぞぬ四"));

        await AbuseSite.AssertRefusalPageAsync(page, HttpStatusCode.TooManyRequests, RequestRefusal.TooManyRequests);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        AssertRetryAfter(api);
        Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal("rate_limited", json.RootElement.GetProperty("code").GetString());
        Assert.Equal(RequestRefusal.TooManyRequests, json.RootElement.GetProperty("message").GetString());
        Assert.Equal(before, await site.StoredAsync());
    }

    [Fact]
    public async Task Open311_reads_and_posts_share_a_limit_and_are_refused_with_georeport_errors_in_the_asked_format()
    {
        using var client = site.Host.PublicClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/discovery.xml")).StatusCode);
        var cases = await site.Open311CasesAsync();

        var post = await client.Http.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "not-checked-before-the-limit", ["service_code"] = "0101", ["description"] = "三回目の送信", ["address_string"] = "歌舞伎町1-4-1",
        }));
        var read = await client.GetAsync("/open311/v2/requests.json");

        Assert.Equal(HttpStatusCode.TooManyRequests, post.StatusCode);
        AssertRetryAfter(post);
        Assert.Equal("text/xml", post.Content.Headers.ContentType?.MediaType);
        var error = XDocument.Parse(await post.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("429", error.Element("error")!.Element("code")!.Value);
        Assert.Equal(RequestRefusal.TooManyRequests, error.Element("error")!.Element("description")!.Value);
        Assert.Equal(HttpStatusCode.TooManyRequests, read.StatusCode);
        using var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal(429, json.RootElement[0].GetProperty("code").GetInt32());
        Assert.Equal(cases, await site.Open311CasesAsync());
    }
}
