using System.Net;
using System.Net.Sockets;
using Kocho.Core.Cli;
using Kocho.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kocho.Bench;

/// <summary>
/// The real portal in this process on the bench's data folder (and database), on free loopback ports; schedules that
/// would change the data under the measurement (retention purge, alert scans) are off, public-form limits raised.
/// </summary>
public sealed class BenchSite : IAsyncDisposable
{
    public const string AdminPassword = "Kocho-Bench-Admin-2026";
    public const string StaffPassword = "Kocho-Bench-Staff-2026";

    private BenchSite(BenchOptions options, IReadOnlyList<string> args, Uri publicUrl, Uri staffUrl)
    {
        Options = options;
        Args = args;
        PublicUrl = publicUrl;
        StaffUrl = staffUrl;
    }

    public BenchOptions Options { get; }
    public IReadOnlyList<string> Args { get; }
    public Uri PublicUrl { get; }
    public Uri StaffUrl { get; }
    public WebApplication? App { get; private set; }
    public IServiceProvider Services => App?.Services ?? throw new InvalidOperationException("The site is not started.");

    /// <summary>The configuration arguments of the site (also given to child processes such as the export verb).</summary>
    public static IReadOnlyList<string> SiteArgs(BenchOptions options)
    {
        var args = new List<string>
        {
            $"--Kocho:DataPath={options.DataPath}",
            "--Kocho:Setup:Recipe=shinjuku",
            $"--Kocho:Setup:AdminPassword={AdminPassword}",
            "--Kocho:Privacy:Schedule=false",
            "--Kocho:Alerts:Schedule=false",
            "--Kocho:RateLimits:public-form:PermitLimit=100000000",
            "--Kocho:RateLimits:sign-in:PermitLimit=100000",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        };
        if (options.IsPostgres)
        {
            args.Add("--Kocho:Database:Provider=Postgres");
            args.Add($"--ConnectionStrings:Kocho={options.PostgresConnection}");
        }
        return args;
    }

    public static async Task<BenchSite> StartAsync(BenchOptions options)
    {
        Directory.CreateDirectory(options.DataPath);
        if (options.IsPostgres) await EnsureDatabaseAsync(options);
        var publicUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var staffUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var args = SiteArgs(options).Concat([
            $"--Kocho:Public:Urls={publicUrl.GetLeftPart(UriPartial.Authority)}",
            $"--Kocho:Staff:Urls={staffUrl.GetLeftPart(UriPartial.Authority)}",
        ]).ToList();
        var site = new BenchSite(options, args, publicUrl, staffUrl);
        site.App = KochoPortal.Build([.. args], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        var error = new StringWriter();
        if (await new CliRunner(site.App.Services, TextWriter.Null, error).RunAsync((_, _) => Task.FromResult(0), CancellationToken.None) != 0)
        {
            throw new InvalidOperationException("Setup failed: " + error);
        }
        await site.App.StartAsync();
        return site;
    }

    /// <summary>Drops the bench database (a regeneration starts from an empty site).</summary>
    public static async Task DropDatabaseAsync(BenchOptions options)
    {
        await using var admin = new NpgsqlConnection(options.PostgresServer);
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {options.DatabaseName} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task EnsureDatabaseAsync(BenchOptions options)
    {
        await using var admin = new NpgsqlConnection(options.PostgresServer);
        await admin.OpenAsync();
        await using var exists = admin.CreateCommand();
        exists.CommandText = "SELECT 1 FROM pg_database WHERE datname = @name";
        exists.Parameters.AddWithValue("name", options.DatabaseName);
        if (await exists.ExecuteScalarAsync() is not null) return;
        await using var create = admin.CreateCommand();
        create.CommandText = $"CREATE DATABASE {options.DatabaseName} ENCODING 'UTF8'";
        await create.ExecuteNonQueryAsync();
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is null) return;
        await App.StopAsync();
        await App.DisposeAsync();
        App = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
