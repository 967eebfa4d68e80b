using Kocho.Core.Settings;
using Kocho.Faq.Entries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>見直し: published entries of the staff member's department not reviewed for <c>Faq.ReviewMonths</c> months (default 12).</summary>
[Authorize(Policy = Permissions.EditFaqName)]
public sealed class ReviewsModel(FaqQueries queries, FaqNames names, SiteSettings settings) : PageModel
{
    public const string MonthsSetting = "Faq.ReviewMonths";
    public const int DefaultMonths = 12;

    public int Months { get; private set; } = DefaultMonths;
    public IReadOnlyList<FaqRow> Rows { get; private set; } = [];
    private IReadOnlyDictionary<Guid, Core.Departments.Department> _departments = new Dictionary<Guid, Core.Departments.Department>();

    public string DepartmentName(Guid id) => _departments.TryGetValue(id, out var d) ? d.Name : "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Months = await settings.GetAsync<int?>(MonthsSetting, cancellationToken) is { } m and > 0 ? m : DefaultMonths;
        Rows = await queries.ReviewDueAsync(FaqActor.From(User), Months, cancellationToken);
        _departments = await names.DepartmentsAsync(cancellationToken);
    }
}
