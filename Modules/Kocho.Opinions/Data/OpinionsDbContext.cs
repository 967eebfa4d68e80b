using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Data;

/// <summary>Tables of Kocho.Opinions: cases, forwardings, answers, history, attachments and the receipt counters.</summary>
public sealed class OpinionsDbContext(DbContextOptions<OpinionsDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<OpinionCase> Cases => Set<OpinionCase>();
    public DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();
    public DbSet<CaseForwarding> Forwardings => Set<CaseForwarding>();
    public DbSet<CaseAnswer> Answers => Set<CaseAnswer>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<CaseAttachment> Attachments => Set<CaseAttachment>();
    public DbSet<ReceiptCounter> ReceiptCounters => Set<ReceiptCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OpinionCase>(e =>
        {
            e.ToTable("opinion_cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.ReceiptNumber).HasMaxLength(20);
            e.HasIndex(x => x.ReceiptNumber).IsUnique();
            e.HasIndex(x => new { x.FiscalYear, x.Sequence }).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AnswerMethod).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Sender).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Body).IsPersonalData(this);
            e.Property(x => x.ResidentUserId).HasMaxLength(64);
            e.HasIndex(x => x.ResidentUserId);
            e.Property(x => x.ContactName).IsPersonalData(this);
            e.Property(x => x.ContactPostalCode).IsPersonalData(this);
            e.Property(x => x.ContactAddress).IsPersonalData(this);
            e.Property(x => x.ContactPhone).IsPersonalData(this);
            e.Property(x => x.ContactFax).IsPersonalData(this);
            e.Property(x => x.ContactEmail).IsPersonalData(this);
            e.Property(x => x.ContactPhoneHash).HasMaxLength(64);
            e.Property(x => x.ContactEmailHash).HasMaxLength(64);
            e.HasIndex(x => x.ContactPhoneHash);
            e.HasIndex(x => x.ContactEmailHash);
            e.Property(x => x.AccessCodeHash).HasMaxLength(64);
            e.Property(x => x.FormToken).HasMaxLength(64);
            e.HasIndex(x => x.FormToken).IsUnique();
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.ReceivedOn);
            e.HasIndex(x => x.LeadDepartmentId);
            e.HasIndex(x => x.AnswerDue);
            // The case list's order (due date, none last, then newest) is an expression index written in the migration
            // CaseListIndexes; EF has no model for it.
            e.HasIndex(x => x.CreatedById);
            e.HasMany(x => x.Categories).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Forwardings).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CaseCategory>(e =>
        {
            e.ToTable("opinion_case_categories");
            e.HasKey(x => new { x.CaseId, x.CategoryId });
            e.HasIndex(x => x.CategoryId);
        });
        modelBuilder.Entity<CaseForwarding>(e =>
        {
            e.ToTable("opinion_forwardings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.ReturnReason).HasMaxLength(2000);
            e.Ignore(x => x.IsActive);
            // Covering: a department's cases are read from the index alone (CaseVisibility.VisibleToByKey).
            e.HasIndex(x => new { x.DepartmentId, x.Status, x.CaseId });
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<CaseAnswer>(e =>
        {
            e.ToTable("opinion_answers");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.CaseId).IsUnique();
            e.HasOne<OpinionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Text).IsPersonalData(this);
            e.Property(x => x.DraftedByName).HasMaxLength(100);
            e.Property(x => x.ApprovedByName).HasMaxLength(100);
            e.Property(x => x.SentByName).HasMaxLength(100);
            e.Property(x => x.ReturnReason).HasMaxLength(2000);
        });
        modelBuilder.Entity<HistoryEntry>(e =>
        {
            e.ToTable("opinion_history");
            e.HasKey(x => x.Id);
            e.HasOne<OpinionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Note).IsPersonalData(this);
            e.HasIndex(x => new { x.CaseId, x.At });
            e.HasIndex(x => x.At);
        });
        modelBuilder.Entity<CaseAttachment>(e =>
        {
            e.ToTable("opinion_attachments");
            e.HasKey(x => x.Id);
            e.HasOne<OpinionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.FileName).IsPersonalData(this);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.Content).IsPersonalData(this);
            e.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<ReceiptCounter>(e =>
        {
            e.ToTable(ReceiptNumbers.Table);
            e.HasKey(x => x.FiscalYear);
            e.Property(x => x.FiscalYear).HasColumnName(ReceiptNumbers.YearColumn).ValueGeneratedNever();
            e.Property(x => x.Last).HasColumnName(ReceiptNumbers.LastColumn);
        });
    }
}
