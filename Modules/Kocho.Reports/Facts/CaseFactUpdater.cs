using Kocho.Core.Events;
using Kocho.Opinions.Events;

namespace Kocho.Reports.Facts;

/// <summary>Keeps the roll-up in step: after every committed change of a case (Opinions' events) its row is written again.</summary>
public sealed class CaseFactUpdater(CaseFactWriter writer) :
    IDomainEventHandler<CaseReceived>,
    IDomainEventHandler<CaseForwarded>,
    IDomainEventHandler<ForwardingReturned>,
    IDomainEventHandler<AnswerSubmitted>,
    IDomainEventHandler<AnswerApproved>,
    IDomainEventHandler<AnswerReturned>,
    IDomainEventHandler<AnswerSent>,
    IDomainEventHandler<CaseClosed>
{
    public Task HandleAsync(CaseReceived e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(CaseForwarded e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(ForwardingReturned e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerSubmitted e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerApproved e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerReturned e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(AnswerSent e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleAsync(CaseClosed e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
}
