using Kocho.Core.Data;
using Kocho.Reports.Exports;
using Kocho.Reports.Facts;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Data;

/// <summary>Tables owned by Kocho.Reports: the case roll-up, kept in step with Opinions' events and rebuilt from its facts; exports being prepared.</summary>
public sealed class ReportsDbContext(DbContextOptions<ReportsDbContext> options, UnitOfWork unitOfWork) : ModuleDbContext(options, unitOfWork)
{
    public DbSet<CaseFact> Facts => Set<CaseFact>();
    public DbSet<CaseFactDepartment> Departments => Set<CaseFactDepartment>();
    public DbSet<CaseFactCategory> Categories => Set<CaseFactCategory>();
    public DbSet<CaseFactTerm> Terms => Set<CaseFactTerm>();
    public DbSet<PreparedExport> PreparedExports => Set<PreparedExport>();
    public DbSet<PreparedExportChunk> PreparedExportChunks => Set<PreparedExportChunk>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseFact>(e =>
        {
            e.ToTable("report_case_facts");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.ReceiptNumber).HasMaxLength(20);
            e.HasIndex(x => new { x.FiscalYear, x.Month });
            e.HasIndex(x => x.Month);
            // Covering for the statistics page: a period's rows are grouped from this index alone (CaseStatistics).
            e.HasIndex(x => new { x.ReceivedOn, x.Month, x.Channel, x.Kind, x.Status, x.LeadDepartmentId, x.IsOpen, x.BusinessDaysToAnswer, x.AnsweredByDue })
                .HasDatabaseName("IX_report_case_facts_Period");
            e.HasIndex(x => x.Channel);
            e.HasIndex(x => x.Kind);
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.LeadDepartmentId);
            e.HasIndex(x => new { x.IsOpen, x.AnswerDue });
            e.HasIndex(x => x.BusinessDaysToAnswer);
        });
        modelBuilder.Entity<CaseFactDepartment>(e =>
        {
            e.ToTable("report_case_departments");
            e.HasKey(x => new { x.CaseId, x.DepartmentId });
            // Covering: a department's cases come from the index alone (the statistics' department filter).
            e.HasIndex(x => new { x.DepartmentId, x.CaseId });
            e.HasOne<CaseFact>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseFactCategory>(e =>
        {
            e.ToTable("report_case_categories");
            e.HasKey(x => new { x.CaseId, x.CategoryId });
            e.HasIndex(x => new { x.CategoryId, x.CaseId });
            e.HasOne<CaseFact>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseFactTerm>(e =>
        {
            e.ToTable("report_case_terms");
            e.HasKey(x => new { x.CaseId, x.Term });
            e.Property(x => x.Term).HasMaxLength(CaseFactTerm.MaxLength);
            e.HasIndex(x => new { x.Month, x.Term });
            e.HasOne<CaseFact>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PreparedExport>(e =>
        {
            e.ToTable("report_prepared_exports");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(PreparedExport.UserIdLength);
            e.Property(x => x.ActorName).HasMaxLength(PreparedExport.ActorNameLength);
            e.Property(x => x.ExportName).HasMaxLength(PreparedExport.NameLength);
            e.Property(x => x.FileName).HasMaxLength(PreparedExport.FileNameLength);
            e.Property(x => x.Reason).HasMaxLength(PreparedExport.ReasonLength);
            e.HasIndex(x => new { x.State, x.CreatedAt });
            e.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<PreparedExportChunk>(e =>
        {
            e.ToTable("report_prepared_export_chunks");
            e.HasKey(x => new { x.ExportId, x.Index });
            e.HasOne<PreparedExport>().WithMany().HasForeignKey(x => x.ExportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
