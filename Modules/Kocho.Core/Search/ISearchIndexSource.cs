namespace Kocho.Core.Search;

/// <summary>A module's documents for one index: <c>index rebuild</c> and a node whose index is empty read them from here.</summary>
public interface ISearchIndexSource
{
    string Index { get; }

    IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken cancellationToken);
}
