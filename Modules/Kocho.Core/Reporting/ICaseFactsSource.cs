namespace Kocho.Core.Reporting;

/// <summary>
/// The current facts of opinion cases, implemented by the module that owns them, so that Reports keeps its own
/// roll-up without reading that module's tables (DESIGN.md: modules talk through small Core interfaces).
/// </summary>
public interface ICaseFactsSource
{
    /// <summary>受付媒体, 種別 and 進捗 codes with their Japanese labels, in display order.</summary>
    IReadOnlyList<(int Code, string Label)> Channels { get; }
    IReadOnlyList<(int Code, string Label)> Kinds { get; }
    IReadOnlyList<(int Code, string Label)> Statuses { get; }

    /// <summary>The staff page of a case.</summary>
    string CasePath(Guid caseId);

    Task<CaseFacts?> FindAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Every case, a page at a time (never all in memory).</summary>
    IAsyncEnumerable<CaseFacts> ReadAllAsync(CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);
}
