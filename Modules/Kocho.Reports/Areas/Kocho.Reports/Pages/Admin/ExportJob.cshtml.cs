using Kocho.Core.Security;
using Kocho.Reports.Exports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Reports.Areas.Kocho.Reports.Pages.Admin;

/// <summary>
/// One prepared export of the signed-in staff member: its progress (polled by <c>export-progress.js</c>), then the warning
/// counting what Shift_JIS could not hold and the one-time download. Another person's export is 404.
/// </summary>
[Authorize(Policy = Permissions.ExportName)]
public sealed class ExportJobModel(PreparedExports jobs) : PageModel
{
    public PreparedExport Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } job) return NotFound();
        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } job) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { state = job.State.ToString().ToLowerInvariant(), written = job.Written, total = job.Total });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } job) return NotFound();
        if (job.State != PreparedExportState.Ready) return Redirect($"/admin/reports/exports/{id}");
        Response.ContentType = job.ShiftJis ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{job.FileName}\"";
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        await jobs.DownloadAsync(job, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    private Task<PreparedExport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        User.UserId() is { } user ? jobs.FindAsync(id, user.ToString(), cancellationToken) : Task.FromResult<PreparedExport?>(null);
}
