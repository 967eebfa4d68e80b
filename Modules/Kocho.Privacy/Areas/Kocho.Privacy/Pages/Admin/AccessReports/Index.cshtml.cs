using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Csv;
using Kocho.Privacy.AccessReports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.AccessReports;

/// <summary>アクセス記録: a user (id, login or part of the name) and a period, the personal records they viewed or exported; also as CSV.</summary>
[Authorize(Policy = AccessReportPermissions.ViewName)]
public sealed class IndexModel(AccessReport report, IAuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<AccessRecord> Records { get; private set; } = [];
    public string? Error { get; private set; }
    public bool More => Records.Count > AccessReport.PageLimit;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Period()) return;
        Records = await report.ListAsync(UserFilter, From!.Value, To!.Value, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!Period()) return Page();
        await audit.RecordAsync(new AuditEntry("privacy.access-report.exported", "AuditRecord", null,
            $"user={UserFilter} from={From:yyyy-MM-dd} to={To:yyyy-MM-dd}"), cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{CsvFileExport.FileName("access-report", User.Identity?.Name ?? "staff", clock.GetUtcNow())}\"";
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        await using (var csv = CsvTableWriter.Utf8(Response.Body))
        {
            await csv.WriteRowAsync(["日時", "利用者", "利用者ID", "操作", "対象の種類", "対象", "件数"], cancellationToken);
            await foreach (var r in report.ReadAllAsync(UserFilter, From!.Value, To!.Value, cancellationToken))
            {
                await csv.WriteRowAsync([JapanTime.ToJst(r.At).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), r.ActorName, r.ActorId, r.Label, r.EntityType, r.EntityId,
                    r.Rows?.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
            }
        }
        return new EmptyResult();
    }

    private bool Period()
    {
        var today = JapanTime.Today(clock);
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
        if (From > To || To.Value.DayNumber - From.Value.DayNumber > 366 * 5)
        {
            Error = "期間が正しくありません。開始日は終了日以前、期間は5年以内にしてください。";
            return false;
        }
        return true;
    }
}
