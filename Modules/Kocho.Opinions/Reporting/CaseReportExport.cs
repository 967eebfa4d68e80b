using Kocho.Core.Reporting;
using Kocho.Opinions.Data;
using Kocho.Opinions.Export;
using Kocho.Opinions.Forwarding;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Reporting;

/// <summary>意見等データのＣＳＶ出力 on the Reports export page: the module's own case export (<see cref="CaseExport"/>) with its filters.</summary>
public sealed class CaseReportExport(CaseExport export, OpinionsDbContext db) : IReportExport
{
    public string Name => "opinions";
    public string Title => "意見等の一覧";
    public bool HasPersonalData => true;
    public bool HasFilters => true;

    public Task<int> CountAsync(ReportExportRequest request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (request.From is { } from) cases = cases.Where(c => c.ReceivedOn >= from);
        if (request.To is { } to) cases = cases.Where(c => c.ReceivedOn <= to);
        if (request.DepartmentId is { } d) cases = cases.Where(c => c.Forwardings.Any(f => f.DepartmentId == d && f.Status != ForwardingStatus.Returned));
        return cases.CountAsync(cancellationToken);
    }

    public async Task<ReportExportResult> WriteAsync(Stream output, ReportExportRequest request, CancellationToken cancellationToken)
    {
        var result = await export.WriteAsync(output, new CaseExportOptions(request.From, request.To, request.DepartmentId, request.WithPersonalData, request.ShiftJis, request.Reason), cancellationToken);
        return new ReportExportResult(result.Rows, result.ReplacedCharacters);
    }
}
