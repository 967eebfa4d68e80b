using Kocho.Core.Events;
using Kocho.Core.Search;
using Kocho.Opinions.Events;

namespace Kocho.Opinions.Search;

/// <summary>
/// Keeps the "cases" index in step: after every committed change of a case (its events) the case is indexed again
/// as it now is. A burst of events for one case (a recipe, a busy afternoon) writes the index once: a document
/// identical to the one last written by this node is skipped.
/// </summary>
public sealed class CaseIndexer(CaseSearchDocuments documents, ISearchService search, CaseIndexState state) :
    IDomainEventHandler<CaseReceived>,
    IDomainEventHandler<CaseForwarded>,
    IDomainEventHandler<ForwardingReturned>,
    IDomainEventHandler<AnswerSubmitted>,
    IDomainEventHandler<AnswerApproved>,
    IDomainEventHandler<AnswerReturned>,
    IDomainEventHandler<AnswerSent>,
    IDomainEventHandler<CaseClosed>
{
    public async Task IndexAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var document = await documents.BuildAsync(caseId, cancellationToken);
        if (document is null)
        {
            state.Forget(caseId);
            await search.DeleteAsync(CaseIndex.Name, [caseId.ToString()], cancellationToken);
            return;
        }
        if (!state.Changed(caseId, document)) return;
        try
        {
            await search.IndexAsync(CaseIndex.Name, [document], cancellationToken);
        }
        catch
        {
            state.Forget(caseId);
            throw;
        }
    }

    public Task HandleAsync(CaseReceived e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(CaseForwarded e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(ForwardingReturned e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerSubmitted e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerApproved e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerReturned e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerSent e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(CaseClosed e, CancellationToken cancellationToken) => IndexAsync(e.CaseId, cancellationToken);
}
