using System.Net;
using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>A new user runs the portal: residents get the Japanese home page, staff get their own site.</summary>
[Trait("Category", "Integration")]
public sealed class TwoSitesTests : IAsyncLifetime
{
    private PortalHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalHost.StartCopyAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Public_home_page_is_the_themed_Japanese_site()
    {
        using var client = _host.PublicClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains("新宿区 区民の声・よくある質問", html);
        Assert.Contains("本文へ移動", html);
        Assert.Contains("/assets/Kocho.TheTheme/css/site.css", html);
        var css = await client.GetAsync("/assets/Kocho.TheTheme/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/login")]
    [InlineData("/admin/modules")]
    [InlineData("/ADMIN/Login")]
    public async Task Staff_routes_do_not_exist_on_the_public_listener(string path)
    {
        using var client = _host.PublicClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Public_pages_are_not_served_on_the_staff_listener()
    {
        using var client = _host.StaffClient();
        var response = await client.GetAsync("/");
        // The staff root leads to the staff sign-in, never to the residents' home page.
        Assert.Equal("/admin/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("site.css", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_answers_on_both_listeners_when_the_database_is_reachable()
    {
        foreach (var client in new[] { _host.PublicClient(), _host.StaffClient() })
        {
            using (client)
            {
                var response = await client.GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var publicClient = _host.PublicClient();
        using var staffClient = _host.StaffClient();
        var responses = new[]
        {
            await publicClient.GetAsync("/"),
            await publicClient.GetAsync("/no-such-page"),
            await publicClient.GetAsync("/assets/Kocho.TheTheme/css/site.css"),
            await staffClient.GetAsync("/admin/login"),
            await staffClient.GetAsync("/health"),
        };
        foreach (var response in responses)
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Staff_pages_need_a_signed_in_staff_user()
    {
        using var client = _host.StaffClient();
        var response = await client.GetAsync("/admin/modules");
        Assert.Equal("/admin/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fmodules", response.RequestMessage.RequestUri.Query);
    }

    [Fact]
    public async Task Admin_signs_in_and_sees_the_module_management_page()
    {
        using var client = await _host.SignedInStaffAsync();
        var home = await client.GetStringAsync("/admin");
        Assert.Contains("システム管理者", home);
        Assert.Contains("href=\"/admin/modules\"", home);

        var modules = await client.GetStringAsync("/admin/modules");
        Assert.Contains("機能管理", modules);
        foreach (var id in new[] { "Kocho.Core", "Kocho.Users", "Kocho.Opinions", "Kocho.Faq", "Kocho.Reports" })
        {
            Assert.Contains($"data-testid=\"module-{id}\"", modules);
        }
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Japanese_message_that_does_not_reveal_the_account()
    {
        using var client = _host.StaffClient();
        var wrongPassword = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = "admin", ["Input.Password"] = "not-the-password-123" });
        var noSuchUser = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = "nobody", ["Input.Password"] = "not-the-password-123" });

        var first = await wrongPassword.Content.ReadAsStringAsync();
        Assert.Contains("ログインIDまたはパスワードが正しくありません。", first);
        Assert.Contains("ログインIDまたはパスワードが正しくありません。", await noSuchUser.Content.ReadAsStringAsync());
        Assert.Equal("/admin/login", wrongPassword.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_form_post_without_an_antiforgery_token_is_refused()
    {
        using var client = _host.StaffClient();
        var response = await client.Http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Login"] = "admin",
            ["Input.Password"] = PortalHost.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetCookies(_host.StaffUrl), c => c.Name == "kocho.staff");
    }

    [Fact]
    public async Task The_language_switch_shows_the_site_in_English()
    {
        using var client = _host.PublicClient();
        var html = await client.GetStringAsync("/culture/en?returnUrl=%2F");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Shinjuku City Resident Voice &amp; FAQ", html);
        Assert.Contains("Skip to main content", html);

        var back = await client.GetStringAsync("/culture/ja-JP?returnUrl=%2F");
        Assert.Contains("<html lang=\"ja\">", back);
    }

    [Fact]
    public async Task The_language_switch_only_returns_to_pages_of_this_site()
    {
        using var client = _host.PublicClient();
        var response = await client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal(_host.PublicUrl.Authority, response.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/", response.RequestMessage.RequestUri.AbsolutePath);
    }

    [Fact]
    public async Task The_embedded_database_runs_in_write_ahead_logging_mode()
    {
        if (TestEnvironment.IsPostgres) return;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_host.DataPath, "kocho.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
