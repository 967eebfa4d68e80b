namespace Kocho.Integrations.Mailbox;

/// <summary>
/// One mail the intake has dealt with, written in the same transaction as the case it made: a mail still in the inbox
/// after a crash between commit and move is found here by its key and only moved, never taken twice.
/// </summary>
public sealed class MailboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The Message-ID, or <c>uid:UIDVALIDITY:UID</c> of the inbox for a mail without one.</summary>
    public required string MessageKey { get; set; }
    public MailboxOutcome Outcome { get; set; }
    public Guid? CaseId { get; set; }
    public string? ReceiptNumber { get; set; }

    /// <summary>Why the mail was ignored or rejected (no personal data: the reason only).</summary>
    public string? Reason { get; set; }
    public long Size { get; set; }
    public DateTime ProcessedAt { get; set; }
    public DateTime? MovedAt { get; set; }
}
