using Kocho.Opinions.History;

namespace Kocho.Opinions.Legacy;

/// <summary>One 処理履歴 row of the old system, attached to its case by 受付番号.</summary>
public sealed record LegacyHistory(string ReceiptNumber, DateTime At, Guid? DepartmentId, HistoryAction Action, string? Note, string ActorName);
