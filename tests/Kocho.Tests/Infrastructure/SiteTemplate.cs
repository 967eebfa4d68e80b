using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kocho.Tests.Infrastructure;

/// <summary>
/// A site set up once per test run and kept stopped, so that fixtures needing the same recipe copy it instead of
/// running the recipe again (the demo recipe takes minutes): its data folder, and on PostgreSQL its database.
/// </summary>
internal sealed class SiteTemplate
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<SiteTemplate>>> Templates = new();
    private static readonly SemaphoreSlim DatabaseCopies = new(1, 1);
    private static int _cleanupRegistered;

    private readonly PortalHost _host;

    private SiteTemplate(PortalHost host) => _host = host;

    public CapturedLog Log => _host.Log;

    public string SetupOutput => _host.SetupOutput;

    /// <summary>Arguments that change what the setup writes, so they pick the template rather than apply to the copy.</summary>
    public static bool ChoosesTemplate(string argument) =>
        argument.StartsWith("--Kocho:Setup:", StringComparison.Ordinal) || argument.StartsWith("--Kocho:Recipes:", StringComparison.Ordinal);

    public static Task<SiteTemplate> GetAsync(string recipe, string[] setupArgs)
    {
        if (Interlocked.Exchange(ref _cleanupRegistered, 1) == 0) AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAll();
        var key = string.Join("\n", [recipe, .. setupArgs]);
        // A failed setup fails every fixture that wanted it, with the setup's own error: never cached as a success.
        return Templates.GetOrAdd(key, _ => new Lazy<Task<SiteTemplate>>(() => CreateAsync(recipe, setupArgs))).Value;
    }

    private static async Task<SiteTemplate> CreateAsync(string recipe, string[] setupArgs)
    {
        var host = await PortalHost.SetUpAsync(recipe, setupArgs);
        // Nothing of the template stays open: its pooled connections closed, SQLite's log written into the file.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        var database = Path.Combine(host.DataPath, "kocho.db");
        if (File.Exists(database))
        {
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync();
            }
        }
        return new SiteTemplate(host);
    }

    public void CopyDataTo(string dataPath)
    {
        foreach (var directory in Directory.EnumerateDirectories(_host.DataPath, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(dataPath, Path.GetRelativePath(_host.DataPath, directory)));
        }
        foreach (var file in Directory.EnumerateFiles(_host.DataPath, "*", SearchOption.AllDirectories))
        {
            // Lucene's write.lock marks an index open for writing; the template's is closed.
            if (Path.GetFileName(file) == "write.lock") continue;
            File.Copy(file, Path.Combine(dataPath, Path.GetRelativePath(_host.DataPath, file)));
        }
    }

    /// <summary>CREATE DATABASE … TEMPLATE: one at a time, since PostgreSQL refuses a template that another copy is reading.</summary>
    public async Task CreateDatabaseAsync(string database)
    {
        var template = _host.DatabaseName ?? throw new InvalidOperationException("The template has no database of its own.");
        await DatabaseCopies.WaitAsync();
        try
        {
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnection);
            await admin.OpenAsync();
            await using var command = admin.CreateCommand();
            command.CommandText = $"CREATE DATABASE {database} TEMPLATE {template} ENCODING 'UTF8'";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    // A connection of the template's setup is still closing.
                    NpgsqlConnection.ClearAllPools();
                    await Task.Delay(250);
                }
            }
        }
        finally
        {
            DatabaseCopies.Release();
        }
    }

    private static void DisposeAll()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
        {
            try { template.Value.Result._host.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)); }
            catch (Exception) { /* the run is over; test.sh throws its database cluster away */ }
        }
    }
}
