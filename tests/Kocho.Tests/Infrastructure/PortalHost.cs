using Kocho.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kocho.Tests.Infrastructure;

/// <summary>
/// The real portal on a fresh data folder (and, for PostgreSQL, a fresh database), listening on free
/// loopback ports: one for the public site, one for the staff site.
/// </summary>
public sealed class PortalHost : IAsyncDisposable
{
    public const string AdminPassword = "Kocho-Admin-Pass-2026";
    public const string DemoPassword = "Kocho-Demo-Pass-2026";

    private readonly string? _database;
    private readonly bool _ownsDataPath;
    private bool _setupInherited;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    private PortalHost(string dataPath, string? database, Uri publicUrl, Uri staffUrl, IReadOnlyList<string> args, bool ownsDataPath = true)
    {
        DataPath = dataPath;
        _database = database;
        _ownsDataPath = ownsDataPath;
        PublicUrl = publicUrl;
        StaffUrl = staffUrl;
        Args = args;
    }

    public string DataPath { get; }
    internal string? DatabaseName => _database;
    public Uri PublicUrl { get; private set; }
    public Uri StaffUrl { get; private set; }
    public IReadOnlyList<string> Args { get; private set; }
    public CapturedLog Log { get; } = new();
    public WebApplication? App { get; private set; }
    public IServiceProvider Services => App?.Services ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Prepares a data folder and database; nothing runs until <see cref="StartAsync"/> or a verb.</summary>
    public static Task<PortalHost> CreateAsync(string recipe = "shinjuku", params string[] extraArgs) =>
        CreateWithSchemeAsync(recipe, "http", extraArgs);

    /// <summary>As <see cref="CreateAsync(string, string[])"/>, with <paramref name="scheme"/> ("https" needs a certificate setting).</summary>
    public static Task<PortalHost> CreateWithSchemeAsync(string recipe, string scheme, params string[] extraArgs) =>
        CreateCoreAsync(recipe, scheme, extraArgs, template: null);

    /// <summary>
    /// Like <see cref="StartAsync(string, string[])"/>, but the recipe runs once per test run: the first call sets up a
    /// site from it and keeps it, stopped, as a template; every call starts its own copy of it (the data folder copied,
    /// on PostgreSQL a database created from the template's). For fixtures that need a set-up site but do not test
    /// the setup. <c>--Kocho:Setup:…</c> and <c>--Kocho:Recipes:…</c> arguments choose the template (other values,
    /// another template); the other arguments apply to the copy only.
    /// </summary>
    public static async Task<PortalHost> StartCopyAsync(string recipe = "shinjuku", params string[] extraArgs)
    {
        var host = await CreateCopyAsync(recipe, extraArgs);
        await host.StartAsync();
        return host;
    }

    /// <summary>As <see cref="StartCopyAsync"/>, not started (for a verb first).</summary>
    public static async Task<PortalHost> CreateCopyAsync(string recipe = "shinjuku", params string[] extraArgs)
    {
        var template = await SiteTemplate.GetAsync(recipe, [.. extraArgs.Where(SiteTemplate.ChoosesTemplate)]);
        return await CreateCoreAsync(recipe, "http", extraArgs, template);
    }

    /// <summary>Sets a site up from <paramref name="recipe"/> without starting its listeners: what a template is made of.</summary>
    internal static async Task<PortalHost> SetUpAsync(string recipe, string[] extraArgs)
    {
        var host = await CreateAsync(recipe, extraArgs);
        try
        {
            await using var app = host.Build();
            host.SetupOutput = await RunSetupAsync(app);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private static async Task<PortalHost> CreateCoreAsync(string recipe, string scheme, string[] extraArgs, SiteTemplate? template)
    {
        var dataPath = NewDataPath();
        string? database = null;
        var args = new List<string>
        {
            $"--Kocho:DataPath={dataPath}",
            $"--Kocho:Setup:Recipe={recipe}",
            $"--Kocho:Setup:AdminPassword={AdminPassword}",
            $"--Kocho:Setup:DemoPassword={DemoPassword}",
        };
        template?.CopyDataTo(dataPath);
        if (TestEnvironment.IsPostgres)
        {
            database = "kocho_t_" + Guid.NewGuid().ToString("N")[..16];
            if (template is null)
            {
                await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
                await admin.OpenAsync();
                await using var command = admin.CreateCommand();
                command.CommandText = $"CREATE DATABASE {database} ENCODING 'UTF8'";
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                await template.CreateDatabaseAsync(database);
            }
            var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnection) { Database = database }.ConnectionString;
            args.Add("--Kocho:Database:Provider=Postgres");
            args.Add($"--ConnectionStrings:Kocho={connection}");
        }
        var publicPort = TestEnvironment.FreePort();
        var staffPort = TestEnvironment.FreePort();
        var publicUrl = new Uri($"{scheme}://127.0.0.1:{publicPort}");
        var staffUrl = new Uri($"{scheme}://127.0.0.1:{staffPort}");
        args.Add($"--Kocho:Public:Urls={publicUrl.GetLeftPart(UriPartial.Authority)}");
        args.Add($"--Kocho:Staff:Urls={staffUrl.GetLeftPart(UriPartial.Authority)}");
        // The nightly retention purge would erase other tests' old cases (legacy imports); the privacy tests run it themselves.
        args.Add("--Kocho:Privacy:Schedule=false");
        args.AddRange(extraArgs);
        var host = new PortalHost(dataPath, database, publicUrl, staffUrl, args);
        if (template is not null)
        {
            // What the setup logged and printed belongs to this copy as much as to the template.
            host.Log.Add(template.Log);
            host.SetupOutput = template.SetupOutput;
            host._setupInherited = true;
        }
        return host;
    }

    /// <summary>
    /// Another node of the same site, as a second server behind a load balancer would be: the same database (on
    /// SQLite the same data folder, on PostgreSQL the same connection string and a data folder of its own), its own
    /// ports. Not started; the database stays until the first host is disposed, so dispose this one first.
    /// </summary>
    public PortalHost CreateNode(params string[] extraArgs)
    {
        var dataPath = TestEnvironment.IsPostgres ? NewDataPath() : DataPath;
        var publicPort = TestEnvironment.FreePort();
        var staffPort = TestEnvironment.FreePort();
        var args = Args.Where(a => !a.StartsWith("--Kocho:DataPath=", StringComparison.Ordinal)
                && !a.StartsWith("--Kocho:Public:Urls=", StringComparison.Ordinal)
                && !a.StartsWith("--Kocho:Staff:Urls=", StringComparison.Ordinal))
            .Concat([$"--Kocho:DataPath={dataPath}", $"--Kocho:Public:Urls=http://127.0.0.1:{publicPort}", $"--Kocho:Staff:Urls=http://127.0.0.1:{staffPort}"])
            .Concat(extraArgs)
            .ToList();
        return new PortalHost(dataPath, database: null, new Uri($"http://127.0.0.1:{publicPort}"), new Uri($"http://127.0.0.1:{staffPort}"), args, ownsDataPath: TestEnvironment.IsPostgres);
    }

    private static string NewDataPath()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kocho-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        return dataPath;
    }

    /// <summary>Creates a host and starts it the way <c>dotnet run</c> does: set up on first run, then serve.</summary>
    public static async Task<PortalHost> StartAsync(string recipe = "shinjuku", params string[] extraArgs)
    {
        var host = await CreateAsync(recipe, extraArgs);
        await host.StartAsync();
        return host;
    }

    public WebApplication Build() => KochoPortal.Build([.. Args], ConfigureLogging);

    /// <summary>Test hosts log only into <see cref="Log"/>: warnings and errors, kept for assertions.</summary>
    private void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Log);
    }

    public async Task StartAsync()
    {
        App = Build();
        var output = await RunSetupAsync(App);
        // A copy's first start finds the site set up: it keeps what the template's setup printed.
        if (!_setupInherited) SetupOutput = output;
        _setupInherited = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await App.StartAsync();
                return;
            }
            catch (IOException ex) when (attempt < 5 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Another process took a port between choosing it and binding it: choose again.
                await App.DisposeAsync();
                MoveToFreePorts();
                App = Build();
            }
            catch
            {
                // A start refused (e.g. by settings validation) leaves nothing to stop.
                await App.DisposeAsync();
                App = null;
                throw;
            }
        }
    }

    /// <summary>Migrates and, on an empty site, sets it up, as the first start does; returns what the setup printed.</summary>
    private static async Task<string> RunSetupAsync(WebApplication app)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var runner = new Kocho.Core.Cli.CliRunner(app.Services, output, error);
        if (await runner.RunAsync((_, _) => Task.FromResult(0), CancellationToken.None) != 0)
        {
            throw new InvalidOperationException("Setup failed: " + error);
        }
        return output.ToString();
    }

    private void MoveToFreePorts()
    {
        PublicUrl = new UriBuilder(PublicUrl) { Port = TestEnvironment.FreePort() }.Uri;
        StaffUrl = new UriBuilder(StaffUrl) { Port = TestEnvironment.FreePort() }.Uri;
        Args = Args.Where(a => !a.StartsWith("--Kocho:Public:Urls=", StringComparison.Ordinal) && !a.StartsWith("--Kocho:Staff:Urls=", StringComparison.Ordinal))
            .Concat([$"--Kocho:Public:Urls={PublicUrl.GetLeftPart(UriPartial.Authority)}", $"--Kocho:Staff:Urls={StaffUrl.GetLeftPart(UriPartial.Authority)}"])
            .ToList();
    }

    public string SetupOutput { get; private set; } = "";

    /// <summary>Stops the site as a shutdown would; the data folder and database stay, <see cref="StartAsync()"/> starts it again.</summary>
    public async Task StopAsync()
    {
        if (App is null) return;
        await App.StopAsync();
        await App.DisposeAsync();
        App = null;
    }

    /// <summary>Runs a CLI verb in-process on its own host instance, as <c>dotnet Kocho.Portal.dll VERB …</c> would.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunVerbAsync(params string[] verb)
    {
        var args = verb.Concat(Args).ToArray();
        await using var app = KochoPortal.Build(args, ConfigureLogging);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await KochoPortal.RunVerbAsync(app, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public PortalClient PublicClient() => new(PublicUrl);

    public PortalClient StaffClient() => new(StaffUrl);

    /// <summary>
    /// Signs in on the staff site as a person would: password, then the authenticator code when the account
    /// has two-factor sign-in. An account whose role requires two-factor sign-in (admin, by default) and has
    /// not enrolled yet is enrolled on the way, reading the shared key from the page like an authenticator app.
    /// </summary>
    public async Task<PortalClient> SignedInStaffAsync(string login = "admin", string password = AdminPassword)
    {
        var client = StaffClient();
        var response = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (PathOf(response) == "/admin/login/two-factor")
        {
            var key = AuthenticatorKeyOf(login) ?? throw new InvalidOperationException($"{login} has two-factor sign-in, but the test does not know the key.");
            response = await client.PostFormAsync("/admin/login/two-factor", new() { ["Input.Code"] = Totp.Code(key) });
        }
        if (PathOf(response) == "/admin/account/two-factor")
        {
            response = await EnrolTwoFactorAsync(client, login, await response.Content.ReadAsStringAsync());
        }
        if (!PathOf(response).StartsWith("/admin", StringComparison.Ordinal) || PathOf(response).StartsWith("/admin/login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {login} failed: {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    /// <summary>Completes the two-factor enrolment page: reads the shared key, answers with the current code; remembers the key.</summary>
    public async Task<HttpResponseMessage> EnrolTwoFactorAsync(PortalClient client, string login, string enrolmentPage)
    {
        var key = SharedKeyOn(enrolmentPage) ?? throw new InvalidOperationException("No shared key on the enrolment page: " + enrolmentPage);
        var response = await client.PostFormAsync("/admin/account/two-factor", new() { ["Code"] = Totp.Code(key) }, handler: "Enable");
        var html = await response.Content.ReadAsStringAsync();
        if (!html.Contains("data-testid=\"recovery-codes\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Two-factor enrolment of {login} failed: {html}");
        }
        _authenticatorKeys[login] = key;
        return response;
    }

    /// <summary>The authenticator key a test enrolled for <paramref name="login"/> on this host.</summary>
    public string? AuthenticatorKeyOf(string login) => _authenticatorKeys.GetValueOrDefault(login);

    public void RememberAuthenticatorKey(string login, string key) => _authenticatorKeys[login] = key;

    public static string? SharedKeyOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"shared-key\">([^<]+)<") is { Success: true } m ? m.Groups[1].Value : null;

    private static string PathOf(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            if (_ownsDataPath) Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown; the temp folder is cleaned by the OS
        }
    }
}
