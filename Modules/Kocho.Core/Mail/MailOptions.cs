namespace Kocho.Core.Mail;

/// <summary>
/// <c>Kocho:Mail</c>: how the outbox delivers. Without <c>Smtp:Host</c> mails are written as <c>.eml</c> files
/// under <c>&lt;DataPath&gt;/mail</c> (the embedded default). Validated at start (<see cref="MailOptionsValidator"/>).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Kocho:Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Attempts before a mail is given up (status failed, a warning in the log).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failed attempt; doubled after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sender looks for due mail when no commit on this node woke it (other nodes, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a claim holds: no other sender touches a claimed mail before it runs out. A send still running
    /// near its end is abandoned and retried, so this must be well above <see cref="SmtpOptions.Timeout"/>.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Mails claimed (and sent over one SMTP connection) at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Sent and failed mails are deleted this long after they were written (personal data is not kept longer than needed).</summary>
    public TimeSpan KeepDelivered { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The sender address of every mail (also the Message-ID's domain).</summary>
    public string EffectiveFrom => string.IsNullOrWhiteSpace(Smtp.From) ? "kocho@localhost" : Smtp.From.Trim();

    public string EffectiveFromName => string.IsNullOrWhiteSpace(Smtp.FromName) ? "Kocho" : Smtp.FromName.Trim();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
