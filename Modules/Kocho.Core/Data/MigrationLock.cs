using System.Data.Common;

namespace Kocho.Core.Data;

/// <summary>
/// Migrations and first setup run once, by one node (#12, upgrade procedure): on PostgreSQL every node takes this
/// session-level advisory lock before migrating and setting up, so nodes started together (a rolling upgrade, a
/// cluster's first start) wait for the first one and then find the schema current and the site set up. The lock
/// ends with its connection, also when the node dies. SQLite serves one node: no lock is needed there.
/// </summary>
public sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>pg_advisory_lock key ("kocho-mg").</summary>
    public const long Key = 0x6B6F63686F2D6D67;

    private readonly DbConnection? _connection;

    private MigrationLock(DbConnection? connection) => _connection = connection;

    public static async Task<MigrationLock> AcquireAsync(DatabaseConnectionFactory connections, CancellationToken cancellationToken)
    {
        if (connections.Provider != DatabaseProvider.Postgres) return new MigrationLock(null);
        var connection = connections.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_lock({Key})";
            command.CommandTimeout = 0; // as long as the other node's migration takes
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            // Explicitly: a pooled connection would otherwise keep the session (and the lock) alive.
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_unlock({Key})";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
