using Kocho.Opinions.Cases;

namespace Kocho.Opinions.Search;

/// <summary>One page of the search: rows without personal data, and how many matched in all.</summary>
public sealed record CaseSearchResult(IReadOnlyList<CaseSearchResult.Row> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(
        Guid Id,
        string ReceiptNumber,
        DateOnly ReceivedOn,
        Channel Channel,
        CaseKind Kind,
        string Subject,
        CaseStatus Status,
        Guid? LeadDepartmentId,
        DateOnly? AnswerDue,
        int? BusinessDaysLeft);
}
