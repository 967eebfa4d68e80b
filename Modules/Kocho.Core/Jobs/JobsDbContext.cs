using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Jobs;

/// <summary>The job lease table, a feature of Kocho.Core with its own migrations history ("Jobs").</summary>
public sealed class JobsDbContext(DbContextOptions<JobsDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public const string Feature = "Jobs";

    public DbSet<JobLease> Leases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobLease>(e =>
        {
            e.ToTable("core_job_leases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(JobLease.MaxNameLength);
            e.Property(x => x.Owner).HasMaxLength(200);
            e.Property(x => x.LastCompleted).HasMaxLength(100);
        });
    }
}
