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
            e.Property(x => x.To).HasMaxLength(OutboxMail.MaxToLength);
            e.Property(x => x.Subject).HasMaxLength(OutboxMail.MaxSubjectLength);
            e.Property(x => x.TextBody).HasMaxLength(OutboxMail.MaxBodyLength);
            e.Property(x => x.HtmlBody).HasMaxLength(OutboxMail.MaxBodyLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
            e.Property(x => x.LockedBy).HasMaxLength(200);
            e.HasIndex(x => new { x.Status, x.NextAttemptUtc });
        });
    }
}
