using Kocho.Tests.Infrastructure;
using Xunit;

namespace Kocho.Tests.Cluster;

/// <summary>A test that needs several nodes on one PostgreSQL (SQLite serves one node): skipped, with the reason, on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestEnvironment.IsPostgres) Skip = "needs KOCHO_TEST_PROVIDER=Postgres (several nodes share one PostgreSQL; test.sh runs it in its PostgreSQL phase)";
    }
}
