using Kocho.Privacy.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.Incidents;

/// <summary>事故報告の一覧 for administrators, newest first (the descriptions are opened one by one, each view audited).</summary>
[Authorize(Policy = IncidentPermissions.ViewName)]
public sealed class IndexModel(IncidentReporting reporting) : PageModel
{
    public IReadOnlyList<IncidentReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await reporting.ListAsync(cancellationToken);
}
