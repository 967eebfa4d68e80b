namespace Kocho.Privacy.Retention;

/// <summary>One case whose personal data the purge erases (or, in a dry run, would erase).</summary>
public sealed record PurgeCandidate(Guid CaseId, string ReceiptNumber, ErasureReason Reason, DateOnly? FinishedOn, int Attachments);
