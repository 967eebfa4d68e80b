using Kocho.Core.Data;
using Kocho.Core.Protection;
using Kocho.Integrations.Mailbox;
using Kocho.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Integrations.Data;

/// <summary>Tables of Kocho.Integrations: the mails the mailbox intake dealt with, webhook endpoints, their outbox and delivery log.</summary>
public sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public DbSet<MailboxMessage> MailboxMessages => Set<MailboxMessage>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MailboxMessage>(e =>
        {
            e.ToTable("integration_mailbox_messages");
            e.HasKey(x => x.Id);
            e.Property(x => x.MessageKey).HasMaxLength(300);
            // A second row for the same mail is refused by the database, whichever node writes it.
            e.HasIndex(x => x.MessageKey).IsUnique();
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ReceiptNumber).HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(300);
            e.HasIndex(x => x.ProcessedAt);
        });
        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("integration_webhook_endpoints");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.Events).HasMaxLength(300);
            // Not personal data, but a credential: encrypted at rest with the same protector.
            e.Property(x => x.Secret).IsPersonalData(this);
        });
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("integration_webhook_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Event).HasMaxLength(50);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => x.EndpointId);
        });
        modelBuilder.Entity<WebhookAttempt>(e =>
        {
            e.ToTable("integration_webhook_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Event).HasMaxLength(50);
            e.Property(x => x.Error).HasMaxLength(500);
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.DeliveryId);
        });
    }
}
