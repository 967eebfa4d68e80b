using Kocho.Core.Protection;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Mail;

/// <summary>The mail outbox table, a feature of Kocho.Core with its own migrations history ("Mail").</summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options, UnitOfWork unitOfWork)
    : ModuleDbContext(options, unitOfWork)
{
    public const string Feature = "Mail";

    public DbSet<OutboxMail> Outbox => Set<OutboxMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMail>(e =>
        {
            e.ToTable("core_mail_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.MessageId).HasMaxLength(300);
            e.HasIndex(x => x.MessageId).IsUnique();
            // Recipient, subject and bodies carry personal data: encrypted at rest (their lengths are checked
            // on enqueue; the stored ciphertext is longer, so the columns have no length limit).
            e.Property(x => x.To).IsPersonalData(this);
            e.Property(x => x.Subject).IsPersonalData(this);
            e.Property(x => x.TextBody).IsPersonalData(this);
            e.Property(x => x.HtmlBody).IsPersonalData(this);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
            e.Property(x => x.LockedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Status, x.NextAttemptUtc });
        });
    }
}
