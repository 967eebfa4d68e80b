using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Users.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Kocho.Tests.Portal;

/// <summary>Each module's migrations describe its current model: nobody forgot to add a migration.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Core_model_matches_its_migrations()
    {
        using var context = new CoreDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(), "Kocho.Core: run dotnet ef migrations add, then tools/neutralize-migrations.py");
    }

    [Fact]
    public void Calendar_model_matches_its_migrations()
    {
        using var context = new CalendarDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(), "Kocho.Core.Calendar: run dotnet ef migrations add, then tools/neutralize-migrations.py");
    }

    [Fact]
    public void Users_model_matches_its_migrations()
    {
        using var context = new UsersDbContextFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(), "Kocho.Users: run dotnet ef migrations add, then tools/neutralize-migrations.py");
    }

    [Fact]
    public void Migrations_leave_column_types_to_the_database_engine()
    {
        var root = RepositoryRoot.Find();
        var files = Directory.GetFiles(Path.Combine(root, "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("type: \"") || text.Contains(".HasColumnType("), $"{file} names a store type; run tools/neutralize-migrations.py");
        }
    }
}
