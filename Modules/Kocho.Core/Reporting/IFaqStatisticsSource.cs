namespace Kocho.Core.Reporting;

/// <summary>FAQ use as the FAQ module counts it (views, はい/いいえ, suggestions, zero-hit searches), aggregated in its own queries.</summary>
public interface IFaqStatisticsSource
{
    /// <summary>Entries by views, most viewed first.</summary>
    Task<IReadOnlyList<FaqEntryStatistics>> TopEntriesAsync(int count, CancellationToken cancellationToken);

    /// <summary>Totals over all entries.</summary>
    Task<FaqEntryStatistics> TotalsAsync(CancellationToken cancellationToken);

    /// <summary>Searches that found nothing, grouped by normalized query, most frequent first.</summary>
    Task<IReadOnlyList<FaqZeroHitStatistics>> ZeroHitQueriesAsync(int count, CancellationToken cancellationToken);
}
