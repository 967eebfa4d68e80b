using Kocho.Core.Categories;
using Kocho.Core.Departments;
using Kocho.Core.Modules;
using Kocho.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Data;

/// <summary>Tables owned by Kocho.Core: module states, settings, departments and categories.</summary>
public sealed class CoreDbContext(DbContextOptions<CoreDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<ModuleState> ModuleStates => Set<ModuleState>();
    public DbSet<SiteSetting> Settings => Set<SiteSetting>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Category> Categories => Set<Category>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModuleState>(e =>
        {
            e.ToTable("core_module_states");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(100);
        });
        modelBuilder.Entity<SiteSetting>(e =>
        {
            e.ToTable("core_settings");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
        });
        modelBuilder.Entity<Department>(e =>
        {
            e.ToTable("core_departments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(20);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(30);
            e.HasIndex(x => x.ParentId);
            e.HasOne<Department>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.SuccessorId); // no foreign key: SQLite cannot add one to an existing table in place
        });
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("core_categories");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(20);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.HasOne<Category>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
