using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Calendar;

/// <summary>The business calendar's own table: the administrators' 例外日.</summary>
public sealed class CalendarDbContext(DbContextOptions<CalendarDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<CalendarDay> Days => Set<CalendarDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CalendarDay>(e =>
        {
            e.ToTable("core_calendar_days");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Date).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(100);
        });
    }
}
