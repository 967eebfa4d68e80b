using Kocho.Core.Events;
using Kocho.Core.Search;
using Kocho.Opinions.Events;

namespace Kocho.Opinions.Search;

/// <summary>
/// Keeps the "cases" index in step in the same transaction as the change (the search change feed): after every change
/// of a case (its events) the case is indexed again as it now is. A burst of events for one case (a recipe, a busy afternoon) writes the index once: a document
/// identical to the one last written by this node is skipped.
/// </summary>
public sealed class CaseIndexer(CaseSearchDocuments documents, SearchChangeFeed feed, CaseIndexState state) :
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
            state.Forget(caseId);
            feed.Delete(CaseIndex.Name, [caseId.ToString()]);
            return;
        }
        if (!state.Changed(caseId, document)) return;
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
