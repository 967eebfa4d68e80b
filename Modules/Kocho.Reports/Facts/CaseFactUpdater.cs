using Kocho.Core.Events;
using Kocho.Opinions.Events;

namespace Kocho.Reports.Facts;

/// <summary>
/// Keeps the roll-up in step: with every change of a case (Opinions' events) its row is written again, in the same
/// transaction, so that a crash right after the commit cannot leave a case out of the statistics.
/// </summary>
public sealed class CaseFactUpdater(CaseFactWriter writer) :
    ITransactionalEventHandler<CaseReceived>,
    ITransactionalEventHandler<CaseForwarded>,
    ITransactionalEventHandler<ForwardingReturned>,
    ITransactionalEventHandler<AnswerSubmitted>,
    ITransactionalEventHandler<AnswerApproved>,
    ITransactionalEventHandler<AnswerReturned>,
    ITransactionalEventHandler<AnswerSent>,
    ITransactionalEventHandler<CaseClosed>
{
    public Task HandleInTransactionAsync(CaseReceived e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(CaseForwarded e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(ForwardingReturned e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerSubmitted e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerApproved e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerReturned e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(AnswerSent e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
    public Task HandleInTransactionAsync(CaseClosed e, CancellationToken cancellationToken) => writer.RefreshAsync(e.CaseId, cancellationToken);
}
