using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Data;

/// <summary>
/// Base of every module's DbContext: it joins the unit of work's connection and transaction,
/// so that one user action commits across modules or not at all.
/// </summary>
public abstract class ModuleDbContext : DbContext
{
    protected ModuleDbContext(DbContextOptions options, UnitOfWork unitOfWork) : base(options)
    {
        UnitOfWork = unitOfWork;
        unitOfWork.Enlist(this);
    }

    public UnitOfWork UnitOfWork { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC DateTime on both engines (SQLite cannot order DateTimeOffset).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
