namespace Kocho.Core.Reporting;

/// <summary>
/// One CSV export offered on the Reports export page and as <c>export &lt;name&gt;</c>: streamed to the output, audited by
/// the module that owns the data (特記事項: no copy leaves the system unrecorded).
/// </summary>
public interface IReportExport
{
    /// <summary>URL and CLI name, e.g. <c>history</c>.</summary>
    string Name { get; }

    /// <summary>Japanese title shown on the export page.</summary>
    string Title { get; }

    /// <summary>Whether <see cref="ReportExportRequest.WithPersonalData"/> adds columns (needs the personal-data export permission).</summary>
    bool HasPersonalData { get; }

    /// <summary>Whether the period and department filters apply.</summary>
    bool HasFilters { get; }

    /// <summary>Rows the export will hold, known before it starts (for progress).</summary>
    Task<int> CountAsync(ReportExportRequest request, CancellationToken cancellationToken);

    Task<ReportExportResult> WriteAsync(Stream output, ReportExportRequest request, CancellationToken cancellationToken);
}
