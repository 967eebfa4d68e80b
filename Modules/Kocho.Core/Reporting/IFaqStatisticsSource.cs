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

/// <summary>One FAQ entry's use: views, helpful yes/no, suggested while typing an inquiry vs opened from the suggestion.</summary>
public sealed record FaqEntryStatistics(int Number, string Question, int Views, int Helpful, int NotHelpful, int SuggestionsShown, int SuggestionsOpened);

public sealed record FaqZeroHitStatistics(string Query, int Count, DateTime LastAt);
