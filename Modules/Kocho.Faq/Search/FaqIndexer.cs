using System.Globalization;
using Kocho.Core.Events;
using Kocho.Core.Search;
using Kocho.Faq.Events;

namespace Kocho.Faq.Search;

/// <summary>Keeps the "faq" index in step with commits: a published entry is (re)indexed, an unpublished or expired one removed.</summary>
public sealed class FaqIndexer(ISearchService search, FaqSearchDocuments documents) : IDomainEventHandler<FaqPublished>, IDomainEventHandler<FaqUnpublished>
{
    public async Task HandleAsync(FaqPublished domainEvent, CancellationToken cancellationToken)
    {
        var live = await documents.LiveAsync([domainEvent.EntryId], cancellationToken);
        if (live.Count > 0) await search.IndexAsync(FaqSearchDocuments.Index, live, cancellationToken);
    }

    public Task HandleAsync(FaqUnpublished domainEvent, CancellationToken cancellationToken) =>
        search.DeleteAsync(FaqSearchDocuments.Index, [domainEvent.Number.ToString(CultureInfo.InvariantCulture)], cancellationToken);
}
