namespace Kocho.Core.Data;

/// <summary>The database engines Kocho runs on; both are tested.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
