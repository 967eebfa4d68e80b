using Kocho.Core.Data;
using Kocho.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Privacy.Incidents;

/// <summary>Incident reports (feature "Incidents" of Kocho.Privacy); the free text encrypted at rest.</summary>
public sealed class IncidentsDbContext(DbContextOptions<IncidentsDbContext> options, UnitOfWork unitOfWork) : ModuleDbContext(options, unitOfWork)
{
    public DbSet<IncidentReport> Reports => Set<IncidentReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IncidentReport>(e =>
        {
            e.ToTable("privacy_incident_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.ReporterUserId).HasMaxLength(100);
            e.Property(x => x.ReporterName).HasMaxLength(200);
            e.Property(x => x.Description).IsPersonalData(this);
            e.Property(x => x.ActionTaken).IsPersonalData(this);
            e.HasIndex(x => x.ReportedAt);
        });
    }
}
