using Kocho.Alerts.Inbox;
using Kocho.Alerts.Preferences;
using Kocho.Alerts.Rules;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Alerts.Data;

/// <summary>Tables of Kocho.Alerts: rules, alerts (the inbox) and each staff member's delivery choices.</summary>
public sealed class AlertsDbContext(DbContextOptions<AlertsDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<AlertRule> Rules => Set<AlertRule>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertPreference> Preferences => Set<AlertPreference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AlertRule>(e =>
        {
            e.ToTable("alert_rules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Department).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Role).HasMaxLength(100);
            e.Property(x => x.Users).HasMaxLength(2000);
            e.HasIndex(x => x.Kind);
        });
        modelBuilder.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ItemType).HasMaxLength(30);
            e.Property(x => x.RecipientUserId).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Detail).HasMaxLength(300);
            e.Property(x => x.Link).HasMaxLength(300);
            e.Property(x => x.MailState).HasConversion<string>().HasMaxLength(15);
            // At most once per business day: the database refuses a second row, whichever node writes it.
            e.HasIndex(x => new { x.Kind, x.ItemId, x.RecipientUserId, x.BusinessDate }).IsUnique();
            e.HasIndex(x => new { x.RecipientUserId, x.ReadAt });
            e.HasIndex(x => new { x.MailState, x.RecipientUserId });
        });
        modelBuilder.Entity<AlertPreference>(e =>
        {
            e.ToTable("alert_preferences");
            e.HasKey(x => new { x.UserId, x.Kind });
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(10);
        });
    }
}
