namespace Kocho.Opinions.Cases;

/// <summary>A page of the case list.</summary>
public sealed record CasePage(IReadOnlyList<CaseListRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
