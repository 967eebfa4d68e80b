namespace Kocho.Integrations.Mailbox;

/// <summary>What one poll did: mails per outcome, and those only moved because an earlier poll had taken them.</summary>
public sealed record MailboxPollResult(IReadOnlyDictionary<MailboxOutcome, int> Counts, int AlreadyTaken, int LeftInInbox)
{
    public int Count(MailboxOutcome outcome) => Counts.TryGetValue(outcome, out var n) ? n : 0;
}
