using System.Globalization;
using Kocho.Core.Events;
using Kocho.Core.Search;
using Kocho.Faq.Events;

namespace Kocho.Faq.Search;

/// <summary>
/// Keeps the "faq" index in step in the same transaction as the change (the search change feed): a published entry
/// is (re)indexed, an unpublished or expired one removed.
/// </summary>
public sealed class FaqIndexer(SearchChangeFeed feed, FaqSearchDocuments documents) : ITransactionalEventHandler<FaqPublished>, ITransactionalEventHandler<FaqUnpublished>
{
    public async Task HandleInTransactionAsync(FaqPublished domainEvent, CancellationToken cancellationToken)
    {
        var live = await documents.LiveAsync([domainEvent.EntryId], cancellationToken);
        if (live.Count > 0) feed.Index(FaqSearchDocuments.Index, live);
    }

    public Task HandleInTransactionAsync(FaqUnpublished domainEvent, CancellationToken cancellationToken)
    {
        feed.Delete(FaqSearchDocuments.Index, [domainEvent.Number.ToString(CultureInfo.InvariantCulture)]);
        return Task.CompletedTask;
    }
}
