using Kocho.Core.Audit;
using Kocho.Core.Csv;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Core.Security;
using Kocho.Reports.Exports;
using Kocho.Reports.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Reports.Areas.Kocho.Reports.Pages.Admin;

/// <summary>
/// ＣＳＶ出力 from the staff site: choose an export and its filters, see how many rows it will hold, then have it prepared
/// in the background (<see cref="PreparedExports"/>: progress, the Shift_JIS warning, then the download). Department staff export only their department; personal-data columns need
/// their own permission, and the owning module writes every export to the audit trail.
/// </summary>
[Authorize(Policy = Permissions.ExportName)]
public sealed class ExportsModel(IEnumerable<IReportExport> exports, PreparedExports jobs, CoreDbContext core, DepartmentDirectory departments, ICaseFactsSource source, TimeProvider clock)
    : ReportPageModel(core, departments, source, clock)
{
    [BindProperty(SupportsGet = true)] public string? Export { get; set; }
    [BindProperty(SupportsGet = true)] public string? Encoding { get; set; }
    [BindProperty(SupportsGet = true)] public bool Personal { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<IReportExport> Exports { get; } = exports.OrderBy(e => e.Name == "opinions" ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    public bool MayExportPersonalData => User.HasPermission(Permissions.ExportPersonalDataName);
    public IReportExport? Selected { get; private set; }
    public int? Rows { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (Selected is not null && Error is null) Rows = await Selected.CountAsync(BuildRequest(), cancellationToken);
        return Page();
    }

    /// <summary>Queues the export and shows its progress page; a personal-data export needs a reason (特記事項 8).</summary>
    public async Task<IActionResult> OnPostPrepareAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (Selected is null || Error is not null)
        {
            return Page();
        }
        var request = BuildRequest();
        if (request.WithPersonalData)
        {
            var reason = Reason?.Normalize(System.Text.NormalizationForm.FormKC).Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > CsvFileExport.ReasonMaxLength)
            {
                Error = "個人情報を含むCSVを出力する理由を200文字以内で入力してください。";
                Rows = await Selected.CountAsync(request, cancellationToken);
                return Page();
            }
            request = request with { Reason = reason };
        }
        var actor = AuditActor.FromPrincipal(User);
        var job = await jobs.QueueAsync(User.UserId()!.Value.ToString(), User.Identity?.Name ?? "staff", actor.Name, Selected, request, cancellationToken);
        return Redirect($"/admin/reports/exports/{job.Id}");
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!await LoadFilterAsync(cancellationToken)) return;
        Selected = Exports.FirstOrDefault(e => e.Name == Export);
        if (Export is not null && Selected is null) SetError("出力するデータを選んでください。");
        else if (Encoding is not null && Encoding is not ("utf-8" or "shift_jis")) SetError("文字コードは UTF-8 か Shift_JIS を選んでください。");
        else if (Personal && !MayExportPersonalData) SetError("個人情報を含むCSVを出力する権限がありません。");
    }

    private ReportExportRequest BuildRequest() => new(
        Selected!.HasFilters ? Filter.From : null,
        Selected.HasFilters ? Filter.To : null,
        Selected.HasFilters ? Department : null,
        Personal && Selected.HasPersonalData && MayExportPersonalData,
        Encoding == "shift_jis");

    private void SetError(string message) => Error = message;
}
