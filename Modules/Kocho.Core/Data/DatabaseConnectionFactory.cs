using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Kocho.Core.Data;

/// <summary>
/// Opens connections for the configured engine and configures EF Core on them, so that every
/// module's DbContext shares one connection (and one transaction) per unit of work.
/// </summary>
public sealed class DatabaseConnectionFactory
{
    public DatabaseConnectionFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseConnectionFactory Create(KochoOptions options, string? postgresConnectionString, string contentRoot)
    {
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(postgresConnectionString))
            {
                throw new InvalidOperationException("Kocho:Database:Provider is Postgres but ConnectionStrings:Kocho is not set.");
            }
            return new DatabaseConnectionFactory(DatabaseProvider.Postgres, postgresConnectionString);
        }
        var dataPath = options.FullDataPath(contentRoot);
        Directory.CreateDirectory(dataPath);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, "kocho.db"),
            DefaultTimeout = 30,
            Pooling = true,
        };
        return new DatabaseConnectionFactory(DatabaseProvider.Sqlite, builder.ToString());
    }

    public DbConnection CreateConnection() => Provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnection(ConnectionString),
        _ => new SqliteConnection(ConnectionString),
    };

    /// <summary>
    /// Once at start: SQLite is switched to write-ahead logging (a property of the database file), so readers
    /// do not block the writer. Synchronous stays FULL: an acknowledged commit survives a crash. EF Core turns
    /// foreign keys on for every connection it opens; busy waits are bounded by the connection's default timeout.
    /// </summary>
    public async Task PrepareDatabaseAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.Sqlite) return;
        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Configure(DbContextOptionsBuilder builder, DbConnection connection, string migrationsHistoryTable)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                builder.UseSqlite(connection, o => o.MigrationsHistoryTable(migrationsHistoryTable));
                break;
        }
        // Migrations are written once for both engines; a unit test checks the model against them on SQLite.
        // A recipe enables modules inside its own transaction, so migrations run in a user transaction.
        builder.ConfigureWarnings(w => w.Ignore(
            RelationalEventId.PendingModelChangesWarning,
            RelationalEventId.MigrationsUserTransactionWarning));
    }
}
