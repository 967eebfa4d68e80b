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

    private PortalHost(string dataPath, string? database, Uri publicUrl, Uri staffUrl, IReadOnlyList<string> args)
    {
        DataPath = dataPath;
        _database = database;
        PublicUrl = publicUrl;
        StaffUrl = staffUrl;
        Args = args;
    }

    public string DataPath { get; }
    public Uri PublicUrl { get; }
    public Uri StaffUrl { get; }
    public IReadOnlyList<string> Args { get; }
    public CapturedLog Log { get; } = new();
    public WebApplication? App { get; private set; }
    public IServiceProvider Services => App?.Services ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Prepares a data folder and database; nothing runs until <see cref="StartAsync"/> or a verb.</summary>
    public static Task<PortalHost> CreateAsync(string recipe = "shinjuku", params string[] extraArgs) =>
        CreateAsync(recipe, "http", extraArgs);

    /// <summary>As <see cref="CreateAsync(string, string[])"/>, with <paramref name="scheme"/> ("https" needs a certificate setting).</summary>
    public static async Task<PortalHost> CreateAsync(string recipe, string scheme, params string[] extraArgs)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kocho-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        string? database = null;
        var args = new List<string>
        {
            $"--Kocho:DataPath={dataPath}",
            $"--Kocho:Setup:Recipe={recipe}",
            $"--Kocho:Setup:AdminPassword={AdminPassword}",
            $"--Kocho:Setup:DemoPassword={DemoPassword}",
        };
        if (TestEnvironment.IsPostgres)
        {
            database = "kocho_t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection))
            {
                await admin.OpenAsync();
                await using var command = admin.CreateCommand();
                command.CommandText = $"CREATE DATABASE {database} ENCODING 'UTF8'";
                await command.ExecuteNonQueryAsync();
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
        args.AddRange(extraArgs);
        return new PortalHost(dataPath, database, publicUrl, staffUrl, args);
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
        var output = new StringWriter();
        var error = new StringWriter();
        var runner = new Kocho.Core.Cli.CliRunner(App.Services, output, error);
        if (await runner.RunAsync((_, _) => Task.FromResult(0), CancellationToken.None) != 0)
        {
            throw new InvalidOperationException("Setup failed: " + error);
        }
        SetupOutput = output.ToString();
        await App.StartAsync();
    }

    public string SetupOutput { get; private set; } = "";

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

    public async Task<PortalClient> SignedInStaffAsync(string login = "admin", string password = AdminPassword)
    {
        var client = StaffClient();
        var response = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = login, ["Input.Password"] = password });
        if (!response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/admin", StringComparison.Ordinal) || response.RequestMessage.RequestUri.AbsolutePath == "/admin/login")
        {
            throw new InvalidOperationException($"Sign-in as {login} failed: {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
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
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown; the temp folder is cleaned by the OS
        }
    }
}
