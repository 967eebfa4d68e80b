using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Audit;

/// <summary>The audit trail's table (feature "Audit" of Kocho.Core). Rows are only ever added.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<AuditRecord> Records => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditRecord>(e =>
        {
            e.ToTable("core_audit_records");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.ActorKind).HasMaxLength(20);
            e.Property(x => x.ActorId).HasMaxLength(AuditRecord.ActorIdLength);
            e.Property(x => x.ActorName).HasMaxLength(AuditRecord.ActorNameLength);
            e.Property(x => x.IpAddress).HasMaxLength(AuditRecord.IpAddressLength);
            e.Property(x => x.Action).HasMaxLength(AuditRecord.ActionLength);
            e.Property(x => x.EntityType).HasMaxLength(AuditRecord.EntityTypeLength);
            e.Property(x => x.EntityId).HasMaxLength(AuditRecord.EntityIdLength);
            e.Property(x => x.Details).HasMaxLength(AuditRecord.DetailsLength);
            e.Property(x => x.PreviousHash).HasMaxLength(AuditRecord.HashLength);
            e.Property(x => x.Hash).HasMaxLength(AuditRecord.HashLength);
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.ActorId);
            e.HasIndex(x => x.Action);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToStoredRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToStoredRecords();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseChangesToStoredRecords()
    {
        if (ChangeTracker.Entries<AuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: a stored record cannot be changed or deleted.");
        }
    }
}
