namespace Kocho.Core.Mail;

/// <summary>
/// One row of the transactional outbox (<c>core_mail_outbox</c>): written with the change that causes the mail,
/// then claimed under a lease, sent and marked by <see cref="MailSender"/>. The Message-ID is fixed at enqueue
/// time, so a retried send carries the same one.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxToLength = 320;
    public const int MaxSubjectLength = 255;
    public const int MaxBodyLength = 100_000;
    public const int MaxErrorLength = 500;

    public Guid Id { get; set; }

    /// <summary>Without angle brackets, e.g. <c>0190…@city.shinjuku.example</c>; also the pickup file's name.</summary>
    public string MessageId { get; set; } = "";

    public string To { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>Emptied once the mail is sent: the outbox keeps no copy of what it delivered (links, personal data).</summary>
    public string TextBody { get; set; } = "";

    public string? HtmlBody { get; set; }

    /// <summary>Also the mail's Date header, the same on every attempt.</summary>
    public DateTime CreatedUtc { get; set; }

    public OutboxMailStatus Status { get; set; } = OutboxMailStatus.Pending;

    /// <summary>Sends tried so far; counted when a sender claims the mail, so a sender that dies mid-send still counts.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Why the last attempt failed, short, with the recipient's address left out.</summary>
    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>The lease: while <see cref="LockedUntilUtc"/> is in the future only <see cref="LockedBy"/> may send this mail.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>The sender holding the lease (machine/process/instance); on a sent mail, the sender that sent it.</summary>
    public string? LockedBy { get; set; }
}
