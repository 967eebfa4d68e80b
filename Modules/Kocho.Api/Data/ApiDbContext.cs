using Kocho.Api.Keys;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Api.Data;

/// <summary>Tables of Kocho.Api: the API keys of the integrations.</summary>
public sealed class ApiDbContext(DbContextOptions<ApiDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<ApiKey> Keys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(20);
            e.Property(x => x.SecretHash).HasMaxLength(100);
            e.Property(x => x.Scopes).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.HasIndex(x => x.Prefix).IsUnique();
        });
    }
}
