using Kocho.Core.Events;
using Kocho.Faq.Events;
using Kocho.Opinions.Events;

namespace Kocho.Integrations.Webhooks;

/// <summary>
/// The domain events that webhooks announce: 受付, 転送, 回答 (sent to the resident), 完了, FAQ公開. Handled inside the
/// action's transaction, so a delivery row commits with the change it announces or not at all.
/// </summary>
public sealed class WebhookEventHandlers(WebhookPublisher publisher) :
    ITransactionalEventHandler<CaseReceived>,
    ITransactionalEventHandler<CaseForwarded>,
    ITransactionalEventHandler<AnswerSent>,
    ITransactionalEventHandler<CaseClosed>,
    ITransactionalEventHandler<FaqPublished>
{
    public Task HandleInTransactionAsync(CaseReceived e, CancellationToken cancellationToken) =>
        publisher.CaseEventAsync(WebhookEvents.CaseReceived, e.CaseId, e.LeadDepartmentId, new Dictionary<string, object?>(), cancellationToken);

    public Task HandleInTransactionAsync(CaseForwarded e, CancellationToken cancellationToken) =>
        publisher.CaseEventAsync(WebhookEvents.CaseForwarded, e.CaseId, e.DepartmentId, new Dictionary<string, object?>
        {
            ["forwardingId"] = e.ForwardingId,
            ["role"] = e.Role.ToString(),
            ["answerDue"] = e.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);

    public Task HandleInTransactionAsync(AnswerSent e, CancellationToken cancellationToken) =>
        publisher.CaseEventAsync(WebhookEvents.CaseAnswered, e.CaseId, e.DepartmentId, new Dictionary<string, object?>
        {
            ["answerId"] = e.AnswerId,
            ["method"] = e.Method.ToString(),
        }, cancellationToken);

    public Task HandleInTransactionAsync(CaseClosed e, CancellationToken cancellationToken) =>
        publisher.CaseEventAsync(WebhookEvents.CaseClosed, e.CaseId, e.LeadDepartmentId, new Dictionary<string, object?>
        {
            ["answered"] = e.Answered,
        }, cancellationToken);

    public Task HandleInTransactionAsync(FaqPublished e, CancellationToken cancellationToken) =>
        publisher.FaqPublishedAsync(e.EntryId, e.Number, e.VersionId, cancellationToken);
}
