using Xunit;

namespace Kocho.Tests.Infrastructure;

/// <summary>A test of something only SQLite has (its query plans): skipped, with the reason, on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestEnvironment.IsPostgres) Skip = "reads SQLite's query plans (PostgreSQL plans by its statistics of the moment)";
    }
}
