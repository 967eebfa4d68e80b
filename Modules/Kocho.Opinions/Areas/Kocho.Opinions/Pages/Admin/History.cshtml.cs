using Kocho.Core.Departments;
using Kocho.Opinions.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>処理履歴の検索 across the cases the staff member may see.</summary>
[Authorize(Policy = Permissions.ViewCasesName)]
public sealed class HistoryModel(HistoryService history, DepartmentDirectory departments) : OpinionPageModel(departments)
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public HistoryAction? EntryAction { get; set; }
    [BindProperty(SupportsGet = true, Name = "receipt")] public string? Receipt { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<HistoryHit> Hits { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadDepartmentsAsync(cancellationToken);
        (Hits, Total) = await history.SearchAsync(Actor, new HistorySearch(Text, EntryAction, From, To, Receipt, PageNumber), cancellationToken);
    }
}
