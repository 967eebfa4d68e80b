using Kocho.Core.Data;
using Kocho.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Privacy.Retention;

/// <summary>What the retention purge has erased and which resident accounts were closed (feature "Retention" of Kocho.Privacy).</summary>
public sealed class RetentionDbContext(DbContextOptions<RetentionDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public const string Feature = "Retention";

    public DbSet<ErasedCase> ErasedCases => Set<ErasedCase>();
    public DbSet<ClosedAccount> ClosedAccounts => Set<ClosedAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ErasedCase>(e =>
        {
            e.ToTable("privacy_erased_cases");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.Reason).HasMaxLength(20);
        });
        modelBuilder.Entity<ClosedAccount>(e =>
        {
            e.ToTable("privacy_closed_accounts");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Known).IsPersonalData(this);
        });
    }
}
