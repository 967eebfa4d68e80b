using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Search;

/// <summary>意見等の検索: what staff filter by on the search page; every filter narrows what the actor may see anyway.</summary>
public sealed record CaseSearchQuery
{
    public string? Text { get; init; }
    public string? ReceiptNumber { get; init; }
    public Channel? Channel { get; init; }
    public CaseKind? Kind { get; init; }
    public CaseStatus? Status { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? CategoryId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool Overdue { get; init; }
    public CaseSearchSort Sort { get; init; } = CaseSearchSort.Newest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public enum CaseSearchSort
{
    Newest = 1,    // 受付日の新しい順
    Oldest = 2,    // 受付日の古い順
    Due = 3,       // 回答期限の近い順
    Receipt = 4,   // 受付番号順
    Relevance = 5, // 関連度順 (with words only)
}
