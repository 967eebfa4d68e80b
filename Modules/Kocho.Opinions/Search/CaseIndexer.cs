using Kocho.Core.Events;
using Kocho.Core.Search;
using Kocho.Opinions.Events;

namespace Kocho.Opinions.Search;

/// <summary>
/// Keeps the "cases" index in step in the same transaction as the change (the search change feed): after every change
/// of a case (its events) the case is indexed again as it now is. Several events for one case in one transaction (a
/// recipe) write the index once (the feed keeps a document's last change). Never skipped because this node wrote the
/// same document before: another node may have indexed the case differently since, and a rolled-back write leaves
/// nothing behind to compare with.
/// </summary>
public sealed class CaseIndexer(CaseSearchDocuments documents, SearchChangeFeed feed) :
    ITransactionalEventHandler<CaseReceived>,
    ITransactionalEventHandler<CaseForwarded>,
    ITransactionalEventHandler<ForwardingReturned>,
    ITransactionalEventHandler<AnswerSubmitted>,
    ITransactionalEventHandler<AnswerApproved>,
    ITransactionalEventHandler<AnswerReturned>,
    ITransactionalEventHandler<AnswerSent>,
    ITransactionalEventHandler<CaseClosed>
{
    public async Task IndexAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var document = await documents.BuildAsync(caseId, cancellationToken);
        if (document is null)
        {
            feed.Delete(CaseIndex.Name, [caseId.ToString()]);
            return;
        }
        feed.Index(CaseIndex.Name, [document]);
    }

    public Task HandleInTransactionAsync(CaseReceived e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(CaseForwarded e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(ForwardingReturned e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerSubmitted e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerApproved e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerReturned e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerSent e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(CaseClosed e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
}
