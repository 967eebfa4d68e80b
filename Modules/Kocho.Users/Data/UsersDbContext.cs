using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Users.Accounts;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Data;

/// <summary>ASP.NET Core Identity's tables, owned by Kocho.Users, on the unit of work's connection.</summary>
public sealed class UsersDbContext : IdentityDbContext<KochoUser, KochoRole, string>
{
    public UsersDbContext(DbContextOptions<UsersDbContext> options, UnitOfWork unitOfWork) : base(options)
    {
        UnitOfWork = unitOfWork;
        unitOfWork.Enlist(this);
    }

    public UnitOfWork UnitOfWork { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<KochoUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.HasIndex(u => u.DepartmentId);
            e.Property(u => u.ContactPhone).IsPersonalData(this);
            e.Property(u => u.ContactEmail).IsPersonalData(this);
            e.Property(u => u.ContactEmailHash).HasMaxLength(64);
            e.HasIndex(u => u.ContactEmailHash);
        });
        builder.Entity<KochoRole>(e =>
        {
            e.ToTable("roles");
            e.Property(r => r.DisplayName).HasMaxLength(100);
            e.Property(r => r.DisplayNameEn).HasMaxLength(100);
            e.Property(r => r.Description).HasMaxLength(500);
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }
}
