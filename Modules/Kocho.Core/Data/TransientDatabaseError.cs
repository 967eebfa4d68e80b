using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kocho.Core.Data;

/// <summary>
/// A database that is busy or out of reach for a moment (a command or lock timeout, a full connection pool, a lost
/// connection, SQLite's busy lock): the action's transaction rolled back and the same action may well succeed a
/// little later, so the person is asked to try again (503 with Retry-After) instead of being shown an error.
/// </summary>
public static class TransientDatabaseError
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
