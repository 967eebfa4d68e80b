using Kocho.Privacy.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.Incidents;

/// <summary>One incident report as its reporter wrote it.</summary>
[Authorize(Policy = IncidentPermissions.ViewName)]
public sealed class DetailModel(IncidentReporting reporting) : PageModel
{
    public IncidentReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reporting.ReadAsync(id, cancellationToken) is not { } report) return NotFound();
        Report = report;
        return Page();
    }
}
