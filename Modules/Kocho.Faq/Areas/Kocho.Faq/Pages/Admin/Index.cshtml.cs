using Kocho.Faq.Entries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>FAQ一覧: the entries of the staff member's department (every department's for the public-hearing section), with their latest version.</summary>
[Authorize(Policy = Permissions.ViewFaqName)]
public sealed class IndexModel(FaqQueries queries, FaqNames names) : PageModel
{
    public const int Size = 50;

    [BindProperty(SupportsGet = true)]
    public FaqFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int PageSize => Size;
    public int Total { get; private set; }
    public IReadOnlyList<FaqRow> Rows { get; private set; } = [];
    private IReadOnlyDictionary<Guid, Core.Departments.Department> _departments = new Dictionary<Guid, Core.Departments.Department>();

    public string DepartmentName(Guid id) => _departments.TryGetValue(id, out var d) ? d.Name : "";

    public string QueryFor(int page) =>
        $"Filter.Q={Uri.EscapeDataString(Filter.Q ?? "")}&Filter.Status={Filter.Status}&Filter.Visibility={Filter.Visibility}&page={page}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1) PageNumber = 1;
        (Total, Rows) = await queries.ListAsync(FaqActor.From(User), Filter, (PageNumber - 1) * Size, Size, cancellationToken);
        _departments = await names.DepartmentsAsync(cancellationToken);
    }
}
