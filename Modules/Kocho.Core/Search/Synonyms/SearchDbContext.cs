using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Search.Synonyms;

/// <summary>The search's own table (feature "Search" of Kocho.Core): the administrators' synonym list.</summary>
public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public const string Feature = "Search";

    public DbSet<SearchSynonym> Synonyms => Set<SearchSynonym>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchSynonym>(e =>
        {
            e.ToTable("core_search_synonyms");
            e.HasKey(x => x.Id);
            e.Property(x => x.Terms).HasMaxLength(SearchSynonym.MaxTermsLength);
            e.Ignore(x => x.TermList);
        });
    }
}
