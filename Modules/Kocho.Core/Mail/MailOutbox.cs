using Kocho.Core.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kocho.Core.Mail;

/// <summary>
/// Writes a mail into <c>core_mail_outbox</c> inside the caller's unit of work: it is committed with the change that
/// causes it or not at all. A call outside <c>UnitOfWork.ExecuteAsync</c> is a bug (a mail without its change) and throws.
/// </summary>
public sealed class MailOutbox(MailDbContext db, UnitOfWork unitOfWork, IOptions<MailOptions> options, TimeProvider clock) : IMailOutbox
{
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
        await AddAsync(mail, cancellationToken);

    /// <summary><see cref="EnqueueAsync"/>, returning the row to be committed (its id and Message-ID).</summary>
    public Task<OutboxMail> AddAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (!unitOfWork.InTransaction || db.UnitOfWork != unitOfWork)
        {
            throw new InvalidOperationException(
                "IMailOutbox.EnqueueAsync must be called inside UnitOfWork.ExecuteAsync, so that the mail commits with the change that causes it.");
        }
        Validate(mail);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var from = options.Value.EffectiveFrom;
        var row = new OutboxMail
        {
            Id = id,
            MessageId = $"{id:N}@{from[(from.LastIndexOf('@') + 1)..]}",
            To = mail.To.Trim(),
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = string.IsNullOrEmpty(mail.HtmlBody) ? null : mail.HtmlBody,
            CreatedUtc = now.UtcDateTime,
            NextAttemptUtc = now.UtcDateTime,
            Status = OutboxMailStatus.Pending,
        };
        db.Outbox.Add(row);
        unitOfWork.Publish(new MailEnqueued(row.Id));
        return Task.FromResult(row);
    }

    /// <summary>A bare address (<c>local@domain</c>, no display name), as the outbox stores it.</summary>
    public static bool IsAddress(string? value)
    {
        var address = value?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > OutboxMail.MaxToLength) return false;
        if (!MailboxAddress.TryParse(address, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name)) return false;
        var at = mailbox.Address.LastIndexOf('@');
        return mailbox.Address == address && at > 0 && at < address.Length - 1;
    }

    private static void Validate(OutgoingMail mail)
    {
        if (!IsAddress(mail.To))
        {
            throw new ArgumentException($"Not a mail address (local@domain, at most {OutboxMail.MaxToLength} characters).", nameof(mail));
        }
        if (string.IsNullOrWhiteSpace(mail.Subject) || mail.Subject.Length > OutboxMail.MaxSubjectLength || mail.Subject.Any(char.IsControl))
        {
            throw new ArgumentException($"The subject must be one line of 1 to {OutboxMail.MaxSubjectLength} characters.", nameof(mail));
        }
        if (mail.TextBody is null || mail.TextBody.Length > OutboxMail.MaxBodyLength || (mail.HtmlBody?.Length ?? 0) > OutboxMail.MaxBodyLength)
        {
            throw new ArgumentException($"A mail body holds at most {OutboxMail.MaxBodyLength} characters.", nameof(mail));
        }
    }
}
