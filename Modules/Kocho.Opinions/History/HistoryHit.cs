namespace Kocho.Opinions.History;

/// <summary>One found history entry with the case it belongs to.</summary>
public sealed record HistoryHit(HistoryEntry Entry, Guid CaseId, string ReceiptNumber, string Subject);
