using System.Net;
using System.Text.RegularExpressions;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Security;

/// <summary>
/// OWASP ASVS V3: a session starts with a new cookie at sign-in (nothing held before it, or planted by someone else, is
/// the session), ends for good at sign-out (a copy of the cookie replayed afterwards is refused), its cookies are HttpOnly
/// and SameSite; and every response of both sites — pages, 404s, errors, assets, API and Open311 — carries the security headers.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SessionTests : IAsyncLifetime
{
    private PortalHost _host = null!;
    private MailPickup _mail = null!;

    public async Task InitializeAsync()
    {
        _host = await PortalHost.StartCopyAsync("demo-staff", "--Kocho:RateLimits:sign-in:PermitLimit=1000");
        _mail = new MailPickup(_host.DataPath);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_and_nothing_from_before_is_the_session()
    {
        // The victim's browser holds what it got before signing in, and a staff cookie an attacker planted (his own session).
        using var attacker = await _host.SignedInStaffAsync("koseki.nakamura", PortalHost.DemoPassword);
        var planted = StaffCookie(attacker);
        using var victim = _host.StaffClient();
        await victim.GetStringAsync("/admin/login");
        var beforeSignIn = victim.Cookies.GetCookies(_host.StaffUrl).ToList();
        Assert.DoesNotContain(beforeSignIn, c => c.Name == "kocho.staff");
        victim.Cookies.Add(_host.StaffUrl, new Cookie("kocho.staff", planted));

        var signedIn = await victim.PostFormAsync("/admin/login", new() { ["Input.Login"] = "hoiku.saito", ["Input.Password"] = PortalHost.DemoPassword });
        Assert.Equal("/admin", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var session = StaffCookie(victim);
        Assert.NotEqual(planted, session);
        var home = await victim.GetStringAsync("/admin");
        Assert.Contains("斎藤 千尋", home);
        Assert.DoesNotContain("中村 彩", home);

        // The cookies from before the sign-in alone are no session.
        using var replay = Replay(_host.StaffUrl, beforeSignIn.ToArray());
        using var response = await replay.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", AuthorizationMatrixTests.PathOf(response.Headers.Location));
    }

    [Fact]
    public async Task A_staff_cookie_replayed_after_sign_out_is_refused()
    {
        using var client = await _host.SignedInStaffAsync("hoiku.kobayashi", PortalHost.DemoPassword);
        var copy = client.Cookies.GetCookies(_host.StaffUrl).ToArray();
        using (var before = Replay(_host.StaffUrl, copy))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/admin")).StatusCode);
        }

        var signedOut = await client.PostFormAsync("/admin/logout", [], formPage: "/admin");
        Assert.Equal("/admin/login", signedOut.RequestMessage!.RequestUri!.AbsolutePath);

        using var replay = Replay(_host.StaffUrl, copy);
        foreach (var path in new[] { "/admin", "/admin/opinions" })
        {
            using var response = await replay.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/login", AuthorizationMatrixTests.PathOf(response.Headers.Location));
        }
        // Signing in again works, with a new cookie.
        using var again = await _host.SignedInStaffAsync("hoiku.kobayashi", PortalHost.DemoPassword);
        Assert.NotEqual(copy.Single(c => c.Name == "kocho.staff").Value, StaffCookie(again));
    }

    [Fact]
    public async Task A_resident_cookie_is_new_at_sign_in_and_refused_when_replayed_after_sign_out()
    {
        const string email = "session.resident@example.jp";
        using var client = _host.PublicClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["Email"] = email, ["Password"] = "resident-pass-2026", ["Form.Name"] = "検証 次郎", ["Form.PostalCode"] = "160-0022",
            ["Form.Address"] = "新宿区新宿1-1-1", ["Form.Phone"] = "090-0000-8888", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        await client.GetStringAsync(MailPickup.LinkIn(await _mail.WaitForAsync(email, "メールアドレスの確認のお願い")));
        var beforeSignIn = client.Cookies.GetCookies(_host.PublicUrl).ToArray();
        Assert.DoesNotContain(beforeSignIn, c => c.Name == "kocho.resident");
        await client.PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = "resident-pass-2026" });
        var copy = client.Cookies.GetCookies(_host.PublicUrl).ToArray();
        Assert.Contains(copy, c => c.Name == "kocho.resident");
        using (var before = Replay(_host.PublicUrl, copy))
        {
            Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/account")).StatusCode);
        }
        using (var old = Replay(_host.PublicUrl, beforeSignIn))
        {
            Assert.Equal("/account/login", AuthorizationMatrixTests.PathOf((await old.GetAsync("/account")).Headers.Location));
        }

        await client.PostFormAsync("/account/logout", [], formPage: "/account/logout");

        using var replay = Replay(_host.PublicUrl, copy);
        foreach (var path in new[] { "/account", "/account/opinions", "/account/edit" })
        {
            using var response = await replay.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", AuthorizationMatrixTests.PathOf(response.Headers.Location));
        }
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_HttpOnly_and_SameSite()
    {
        using var staff = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.StaffUrl };
        var loginPage = await staff.GetAsync("/admin/login");
        var antiforgery = SetCookie(loginPage, "kocho.af");
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);

        using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host.StaffUrl };
        var page = await raw.GetAsync("/admin/login");
        var afCookie = Regex.Match(string.Join(";", page.Headers.GetValues("Set-Cookie")), "kocho\\.af=([^;]+)").Groups[1].Value;
        var html = await page.Content.ReadAsStringAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Login"] = "doro.shimizu", ["Input.Password"] = PortalHost.DemoPassword, ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(html)!,
            }),
        };
        request.Headers.Add("Cookie", "kocho.af=" + afCookie);
        var signIn = await raw.SendAsync(request);
        var session = SetCookie(signIn, "kocho.staff");
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=strict", session);
        Assert.DoesNotContain("expires=", session); // a browser-session cookie: it ends with the browser (and after 30 idle minutes)
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        using var guest = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.PublicUrl };
        using var staffGuest = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.StaffUrl };
        var css = Regex.Match(await guest.GetStringAsync("/"), "/assets/[^\"]+\\.css").Value;
        var script = Regex.Match(await guest.GetStringAsync("/opinions/new"), "/assets/[^\"]+\\.js").Value;
        Assert.NotEmpty(css);
        Assert.NotEmpty(script);
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("public page", await guest.GetAsync("/")),
            ("public 404", await guest.GetAsync("/no-such-page")),
            ("public 404 under /admin", await guest.GetAsync("/admin")),
            ("stylesheet", await guest.GetAsync(css)),
            ("script", await guest.GetAsync(script)),
            ("missing asset", await guest.GetAsync("/assets/Kocho.TheTheme/none.css")),
            ("redirect", await guest.GetAsync("/culture/ja-JP?returnUrl=%2Ffaq")),
            ("sign-in redirect", await guest.GetAsync("/account")),
            ("FAQ JSON", await guest.GetAsync("/api/faq/search?q=住民票")),
            ("Open311 discovery", await guest.GetAsync("/open311/discovery.json")),
            ("Open311 XML", await guest.GetAsync("/open311/v2/services.xml")),
            ("Open311 refusal", await guest.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string> { ["description"] = "x" }))),
            ("Open311 404", await guest.GetAsync("/open311/v2/requests/0000-000000.json")),
            ("antiforgery refusal", await guest.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@example.jp" }))),
            ("health", await guest.GetAsync("/health")),
            ("staff sign-in page", await staffGuest.GetAsync("/admin/login")),
            ("staff sign-in redirect", await staffGuest.GetAsync("/admin/opinions")),
            ("staff 404", await staffGuest.GetAsync("/admin/no-such-page")),
            ("staff API 401", await staffGuest.GetAsync("/api/v1/cases")),
            ("staff API bad key", await SendWithKeyAsync(staffGuest, "/api/v1/cases", "kocho_not_a_key")),
            ("OpenAPI document", await staffGuest.GetAsync("/api/v1/openapi.json")),
            ("staff 405", await staffGuest.PutAsync("/api/v1/cases", new StringContent("{}"))),
        };
        foreach (var (what, response) in responses)
        {
            var headers = response.Headers;
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp), $"{what} ({(int)response.StatusCode}): no CSP");
            var policy = string.Join(";", csp!);
            Assert.Contains("script-src 'self'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.True(headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: X-Content-Type-Options");
            Assert.True(headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{what}: X-Frame-Options");
            Assert.True(headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", $"{what}: Referrer-Policy");
            response.Dispose();
        }
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }

    private string StaffCookie(PortalClient client) => client.Cookies.GetCookies(_host.StaffUrl).Single(c => c.Name == "kocho.staff").Value;

    /// <summary>A fresh browser holding exactly <paramref name="cookies"/> (a copied cookie jar), not following redirects.</summary>
    private static HttpClient Replay(Uri site, Cookie[] cookies)
    {
        var jar = new CookieContainer();
        foreach (var cookie in cookies) jar.Add(site, new Cookie(cookie.Name, cookie.Value));
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = site };
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
}
