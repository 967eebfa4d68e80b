namespace Kocho.Core.Search;

/// <summary>
/// The one full-text search of the portal (Lucene.Net with Japanese analysis), shared by FAQ and opinions.
/// Each index has a name ("faq", "cases"); modules keep it in step through <see cref="SearchChangeFeed"/> in their own transactions,
/// and an empty or rebuilt index is filled from the module's <see cref="ISearchIndexSource"/>.
/// </summary>
public interface ISearchService
{
    /// <summary>Adds or replaces documents by id in a transaction of its own; searchable when the call returns. Inside a module's action use <see cref="SearchChangeFeed"/>.</summary>
    Task IndexAsync(string index, IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default);

    Task DeleteAsync(string index, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// After an erasure (特記事項 10): forgets the superseded change-log entries of <paramref name="ids"/> and merges
    /// deleted and replaced documents out of this node's index files, so no earlier text of them stays on disk.
    /// </summary>
    Task ExpungeAsync(string index, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    Task<SearchResults> SearchAsync(string index, SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>The documents most like <paramref name="text"/> (nearest neighbours), e.g. past cases for a department suggestion.</summary>
    Task<SearchResults> SimilarAsync(string index, string text, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters, int take, CancellationToken cancellationToken = default);

    /// <summary>Empties the index and fills it again from its <see cref="ISearchIndexSource"/>; returns the number of documents.</summary>
    Task<int> RebuildAsync(string index, CancellationToken cancellationToken = default);
}
