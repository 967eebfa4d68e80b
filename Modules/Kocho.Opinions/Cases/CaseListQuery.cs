namespace Kocho.Opinions.Cases;

/// <summary>Filters of the staff case list; every filter narrows what the actor may see anyway.</summary>
public sealed record CaseListQuery(
    CaseListTab Tab = CaseListTab.Mine,
    CaseStatus? Status = null,
    Channel? Channel = null,
    CaseKind? Kind = null,
    Guid? DepartmentId = null,
    string? ReceiptNumber = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 50);
