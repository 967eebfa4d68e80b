using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Kocho.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace Kocho.BrowserTests;

/// <summary>
/// A real Chromium on a started portal. Every page the test opens is watched: a console error or a
/// failed request fails the test, and so does any error the server logs.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _problems = [];
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public PortalHost Host { get; private set; } = null!;
    public IBrowserContext Context { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync(string recipe = "shinjuku")
    {
        var session = new BrowserSession { Host = await PortalHost.StartCopyAsync(recipe) };
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        // axe injects its script; our CSP forbids inline script, so the test context bypasses CSP for axe only.
        session.Context = await session._browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, Locale = "ja-JP" });
        // Generous waits: on a loaded two-core CI machine a page may take long; a real failure still fails.
        session.Context.SetDefaultTimeout(180_000);
        session.Context.SetDefaultNavigationTimeout(180_000);
        session.Page = await session.Context.NewPageAsync();
        session.Page.Console += (_, message) =>
        {
            if (message.Type == "error") session._problems.Add($"console error on {session.Page.Url}: {message.Text}");
        };
        session.Page.PageError += (_, error) => session._problems.Add($"page error on {session.Page.Url}: {error}");
        session.Page.Response += (_, response) =>
        {
            if (response.Status >= 500) session._problems.Add($"{response.Status} for {response.Url}");
        };
        return session;
    }

    public string Public(string path) => new Uri(Host.PublicUrl, path).ToString();

    public string Staff(string path) => new Uri(Host.StaffUrl, path).ToString();

    /// <summary>Runs axe on the open page; every violation is listed in the failure.</summary>
    public async Task AssertAccessibleAsync()
    {
        AxeResult result = await Page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"axe violations on {Page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// No console error, no page error, no 5xx, and nothing logged as an error by the server — except the
    /// <paramref name="expected"/> ones (e.g. Chromium's console line for a 403 page the test opens on purpose).
    /// </summary>
    public void AssertNoProblems(params string[] expected)
    {
        var problems = _problems.Concat(Host.Log.Errors).Where(p => !expected.Any(e => p.Contains(e, StringComparison.Ordinal))).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Signs in on the staff site: password, then the authenticator code for accounts with two-factor sign-in.
    /// An account that must enrol first (admin, by default) is enrolled as a person would: the shared key is read
    /// from the page into the "authenticator app" (<see cref="Totp"/>) and its code is entered.
    /// </summary>
    public async Task SignInStaffAsync(string login = "admin", string password = PortalHost.AdminPassword)
    {
        await Page.GotoAsync(Staff("/admin/login"));
        await Page.GetByTestId("login-id").FillAsync(login);
        await Page.GetByTestId("login-password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
        await Page.WaitForURLAsync(url => PathOf(url) != "/admin/login");
        if (PathOf(Page.Url) == "/admin/login/two-factor")
        {
            var key = Host.AuthenticatorKeyOf(login) ?? throw new InvalidOperationException($"{login} has two-factor sign-in, but the test does not know the key.");
            await EnterTwoFactorCodeAsync(key);
        }
        if (PathOf(Page.Url) == "/admin/account/two-factor")
        {
            await EnrolTwoFactorAsync(login);
            await Page.GetByTestId("two-factor-continue").ClickAsync();
            await Page.WaitForURLAsync(url => PathOf(url) == "/admin");
        }
    }

    /// <summary>On the enrolment page: reads the shared key, enters the app's code; returns the recovery codes shown once.</summary>
    public async Task<IReadOnlyList<string>> EnrolTwoFactorAsync(string login)
    {
        var key = await Page.GetByTestId("shared-key").InnerTextAsync();
        await Page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key));
        await Page.GetByTestId("two-factor-enable").ClickAsync();
        await Page.GetByTestId("recovery-codes").WaitForAsync();
        var codes = await Page.GetByTestId("recovery-codes").Locator("li").AllInnerTextsAsync();
        Host.RememberAuthenticatorKey(login, key);
        return codes.Select(c => c.Trim()).ToList();
    }

    /// <summary>On the second sign-in step: enters the code the authenticator app shows now.</summary>
    public async Task EnterTwoFactorCodeAsync(string key)
    {
        await Page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key));
        await Page.GetByTestId("two-factor-submit").ClickAsync();
        await Page.WaitForURLAsync(url => PathOf(url) != "/admin/login/two-factor");
    }

    public static string PathOf(string url) => new Uri(url).AbsolutePath;

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }
}
