using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>With a certificate in settings the portal speaks HTTPS: HSTS, and cookies marked Secure.</summary>
[Trait("Category", "Integration")]
public sealed class HttpsTests : IAsyncLifetime
{
    private PortalHost _host = null!;
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"kocho-test-{Guid.NewGuid():N}.pfx");

    public async Task InitializeAsync()
    {
        var certificatePath = _certificatePath;
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "test-pass"));
        }
        _host = await PortalHost.CreateWithSchemeAsync("shinjuku", "https",
            $"--Kocho:Https:CertificatePath={certificatePath}", "--Kocho:Https:CertificatePassword=test-pass");
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_certificatePath);
    }

    [Fact]
    public async Task Pages_are_served_over_TLS_with_HSTS()
    {
        using var client = _host.PublicClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https", response.RequestMessage!.RequestUri!.Scheme);
        Assert.Contains("max-age=31536000", string.Join(";", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task The_staff_sign_in_cookie_is_Secure_HttpOnly_and_SameSite()
    {
        using var client = _host.StaffClient();
        var page = await client.GetStringAsync("/admin/login");
        var response = await client.Http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "admin",
            ["Input.Password"] = PortalHost.AdminPassword,
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page)!,
        }));
        var cookies = client.Cookies.GetCookies(_host.StaffUrl).ToList();
        var staff = Assert.Single(cookies, c => c.Name == "kocho.staff");
        Assert.True(staff.Secure);
        Assert.True(staff.HttpOnly);
        var antiforgery = Assert.Single(cookies, c => c.Name == "kocho.af");
        Assert.True(antiforgery.Secure);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_resident_and_antiforgery_cookies_are_Secure_HttpOnly_and_SameSite()
    {
        const string email = "tls.resident@example.jp";
        using var client = _host.PublicClient();
        await client.PostFormAsync("/account/register", new()
        {
            ["Email"] = email, ["Password"] = "resident-pass-2026", ["Form.Name"] = "暗号 太郎", ["Form.PostalCode"] = "160-0022",
            ["Form.Address"] = "新宿区新宿1-1-1", ["Form.Phone"] = "090-0000-7777", ["Form.Fax"] = "", ["Consent"] = "true",
        });
        await client.GetStringAsync(MailPickup.LinkIn(await new MailPickup(_host.DataPath).WaitForAsync(email, "メールアドレスの確認のお願い")));

        // Read the Set-Cookie headers themselves: the cookie jar does not keep SameSite.
        using var raw = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            BaseAddress = _host.PublicUrl,
        };
        var page = await raw.GetAsync("/account/login");
        var antiforgery = SetCookie(page, "kocho.af");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = "resident-pass-2026",
                ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(await page.Content.ReadAsStringAsync())!,
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var resident = SetCookie(await raw.SendAsync(request), "kocho.resident");
        var culture = SetCookie(await raw.GetAsync("/culture/en?returnUrl=%2F"), ".AspNetCore.Culture");

        foreach (var (cookie, sameSite) in new[] { (antiforgery, "strict"), (resident, "lax"), (culture, "lax") })
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Contains("; samesite=" + sameSite, attributes);
        }
    }

    private static string SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));
}
