using Kocho.Core.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Protection;

/// <summary>
/// The key material every node shares (DESIGN.md, scale-out): ASP.NET Core Data Protection's key ring and
/// the secret behind the look-up hashes. Kocho.Core's "Keys" feature, with its own migrations.
/// </summary>
public sealed class KeysDbContext(DbContextOptions<KeysDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LookupKey> LookupKeys => Set<LookupKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("core_data_protection_keys");
            e.HasKey(x => x.Id);
        });
        modelBuilder.Entity<LookupKey>(e =>
        {
            e.ToTable("core_lookup_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(50);
        });
    }
}
