namespace Kocho.Privacy.Retention;

/// <summary>What a purge erased (or a dry run would): the cases, masked items, attachments and mails; no values.</summary>
public sealed record PurgeReport(IReadOnlyList<PurgeCandidate> Cases, int MaskedItems, int Attachments, int Mails, int MailFiles, bool DryRun);
