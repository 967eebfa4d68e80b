using Kocho.Core.Search;

namespace Kocho.Faq.Search;

/// <summary>What <c>index rebuild faq</c> (and an empty node) fills the "faq" index with: the entries on the site now.</summary>
public sealed class FaqIndexSource(FaqSearchDocuments documents) : ISearchIndexSource
{
    public string Index => FaqSearchDocuments.Index;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var document in await documents.LiveAsync(null, cancellationToken)) yield return document;
    }
}
