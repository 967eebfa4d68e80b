using Kocho.Core.Search;

namespace Kocho.Opinions.Search;

/// <summary>Fills an empty or rebuilt "cases" index from the database.</summary>
public sealed class CaseIndexSource(CaseSearchDocuments documents) : ISearchIndexSource
{
    public string Index => CaseIndex.Name;

    public IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken cancellationToken) => documents.ReadAllAsync(cancellationToken);
}
