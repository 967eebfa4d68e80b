namespace Kocho.Opinions.History;

/// <summary>処理履歴の検索: text (in the note), action, period, receipt number; paged (newest first).</summary>
public sealed record HistorySearch(string? Text = null, HistoryAction? Action = null, DateOnly? From = null, DateOnly? To = null, string? ReceiptNumber = null, int Page = 1, int PageSize = 50);
