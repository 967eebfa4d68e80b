using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Faq.Entries;
using Kocho.Faq.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Data;

/// <summary>Tables owned by Kocho.Faq: entries, their versions and history, feedback and search statistics.</summary>
public sealed class FaqDbContext(DbContextOptions<FaqDbContext> options, UnitOfWork unitOfWork) : ModuleDbContext(options, unitOfWork)
{
    public DbSet<FaqEntry> Entries => Set<FaqEntry>();
    public DbSet<FaqVersion> Versions => Set<FaqVersion>();
    public DbSet<FaqHistoryEntry> History => Set<FaqHistoryEntry>();
    public DbSet<FaqFeedback> Feedback => Set<FaqFeedback>();
    public DbSet<FaqZeroHitQuery> ZeroHitQueries => Set<FaqZeroHitQuery>();
    public DbSet<FaqSuggestionEvent> SuggestionEvents => Set<FaqSuggestionEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FaqEntry>(e =>
        {
            e.ToTable("faq_entries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.OwnerDepartmentId);
            e.HasIndex(x => x.LiveVersionId);
        });
        modelBuilder.Entity<FaqVersion>(e =>
        {
            e.ToTable("faq_versions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EntryId, x.VersionNumber }).IsUnique();
            e.HasIndex(x => x.Status);
            e.Property(x => x.Question).HasMaxLength(500);
            e.Property(x => x.Answer).HasMaxLength(20000);
            e.Property(x => x.Keywords).HasMaxLength(1000);
            e.Property(x => x.RelatedLinks).HasMaxLength(4000);
            e.Property(x => x.EditedByName).HasMaxLength(200);
            e.HasOne<FaqEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FaqHistoryEntry>(e =>
        {
            e.ToTable("faq_history");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EntryId, x.OccurredAt });
            e.Property(x => x.Action).HasMaxLength(50);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.HasOne<FaqEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FaqFeedback>(e =>
        {
            e.ToTable("faq_feedback");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.EntryId);
            e.Property(x => x.Comment).IsPersonalData(this);
            e.HasOne<FaqEntry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FaqZeroHitQuery>(e =>
        {
            e.ToTable("faq_zero_hit_queries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Query).HasMaxLength(FaqZeroHitQuery.QueryLength);
            e.HasIndex(x => x.Query).IsUnique();
        });
        modelBuilder.Entity<FaqSuggestionEvent>(e =>
        {
            e.ToTable("faq_suggestion_events");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.EntryNumber, x.OccurredAt });
        });
    }
}
