using Kocho.Core.Data;
using Kocho.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Residents;

/// <summary>Residents' personal data, every item encrypted at rest (feature "Residents" of Kocho.Users).</summary>
public sealed class ResidentsDbContext(DbContextOptions<ResidentsDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<ResidentProfile> Profiles => Set<ResidentProfile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ResidentProfile>(e =>
        {
            e.ToTable("resident_profiles");
            e.HasKey(p => p.UserId);
            e.Property(p => p.UserId).HasMaxLength(64);
            e.Property(p => p.Email).IsPersonalData(this);
            e.Property(p => p.PendingEmail).IsPersonalData(this);
            e.Property(p => p.Name).IsPersonalData(this);
            e.Property(p => p.PostalCode).IsPersonalData(this);
            e.Property(p => p.Address).IsPersonalData(this);
            e.Property(p => p.Phone).IsPersonalData(this);
            e.Property(p => p.Fax).IsPersonalData(this);
            e.Property(p => p.EmailHash).HasMaxLength(64);
            e.Property(p => p.PendingEmailHash).HasMaxLength(64);
            e.Property(p => p.PhoneHash).HasMaxLength(64);
            e.Property(p => p.ConsentVersion).HasMaxLength(20);
            e.HasIndex(p => p.EmailHash).IsUnique();
            e.HasIndex(p => p.PhoneHash);
        });
    }
}
