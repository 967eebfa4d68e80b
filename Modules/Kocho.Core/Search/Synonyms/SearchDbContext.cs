using Kocho.Core.Data;
using Kocho.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Search.Synonyms;

/// <summary>The search's own tables (feature "Search" of Kocho.Core): the administrators' synonym list and the change log.</summary>
public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public const string Feature = "Search";

    public DbSet<SearchSynonym> Synonyms => Set<SearchSynonym>();

    public DbSet<SearchChange> Changes => Set<SearchChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchSynonym>(e =>
        {
            e.ToTable("core_search_synonyms");
            e.HasKey(x => x.Id);
            e.Property(x => x.Terms).HasMaxLength(SearchSynonym.MaxTermsLength);
            e.Ignore(x => x.TermList);
        });
        modelBuilder.Entity<SearchChange>(e =>
        {
            e.ToTable("core_search_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Index).HasMaxLength(40);
            e.Property(x => x.DocumentId).HasMaxLength(200);
            e.HasIndex(x => new { x.Index, x.Id });
            e.HasIndex(x => x.CreatedUtc);
        });
    }
}
