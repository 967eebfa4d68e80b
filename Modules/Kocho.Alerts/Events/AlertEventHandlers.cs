using System.Globalization;
using Kocho.Alerts.Delivery;
using Kocho.Alerts.Rules;
using Kocho.Core.Alerts;
using Kocho.Core.Calendar;
using Kocho.Core.Departments;
using Kocho.Core.Events;
using Kocho.Faq.Events;
using Kocho.Opinions.Events;
using Kocho.Opinions.Forwarding;

namespace Kocho.Alerts.Events;

/// <summary>
/// The event-driven alerts: 転送, 転送・回答の差戻し, 承認依頼 (answers and FAQ), FAQ の承認. Each handler looks the item up
/// through its module's <see cref="IAlertConditionSource"/> and raises the alert for the department the event names, in
/// the transaction of the change, so that a crash after the commit cannot lose an alert or its mail.
/// </summary>
public sealed class AlertEventHandlers(
    IEnumerable<IAlertConditionSource> sources,
    AlertRaiser raiser,
    DepartmentDirectory departments,
    TimeProvider clock) :
    ITransactionalEventHandler<CaseForwarded>,
    ITransactionalEventHandler<ForwardingReturned>,
    ITransactionalEventHandler<AnswerSubmitted>,
    ITransactionalEventHandler<AnswerReturned>,
    ITransactionalEventHandler<FaqApprovalRequested>,
    ITransactionalEventHandler<FaqApproved>,
    ITransactionalEventHandler<FaqReturned>
{
    private const string CaseType = "OpinionCase";
    private const string FaqType = "FaqEntry";

    public Task HandleInTransactionAsync(CaseForwarded e, CancellationToken cancellationToken) =>
        RaiseAsync(AlertKind.CaseForwarded, CaseType, e.CaseId, e.DepartmentId,
            $"{(e.Role == ForwardingRole.Lead ? "主管課" : "関係課")}として転送されました。回答期限：{Date(e.DueOn)}", cancellationToken);

    public async Task HandleInTransactionAsync(ForwardingReturned e, CancellationToken cancellationToken)
    {
        var name = (await departments.FindAsync(e.DepartmentId, cancellationToken))?.Name ?? "転送先";
        await RaiseAsync(AlertKind.ForwardingReturned, CaseType, e.CaseId, e.DepartmentId,
            $"{name}から転送が差し戻されました。理由を確認し、転送先を見直してください。", cancellationToken);
    }

    public Task HandleInTransactionAsync(AnswerSubmitted e, CancellationToken cancellationToken) =>
        RaiseAsync(AlertKind.AnswerAwaitingApproval, CaseType, e.CaseId, e.DepartmentId,
            "回答案の承認依頼があります。内容を確認し、承認または差戻しをしてください。", cancellationToken);

    public Task HandleInTransactionAsync(AnswerReturned e, CancellationToken cancellationToken) =>
        RaiseAsync(AlertKind.AnswerReturned, CaseType, e.CaseId, e.DepartmentId,
            "回答が差し戻されました。理由を確認し、回答案を修正してください。", cancellationToken);

    public Task HandleInTransactionAsync(FaqApprovalRequested e, CancellationToken cancellationToken) =>
        RaiseAsync(AlertKind.FaqApprovalRequested, FaqType, e.EntryId, e.ApproverDepartmentId,
            $"FAQの承認依頼があります（{e.StepName}）。内容を確認し、承認または差戻しをしてください。", cancellationToken);

    public Task HandleInTransactionAsync(FaqApproved e, CancellationToken cancellationToken) =>
        RaiseAsync(AlertKind.FaqApproved, FaqType, e.EntryId, null,
            e.Final ? "FAQが承認されました。公開期間に入ると公開されます。" : $"FAQの第{e.Step + 1}段階の承認がされました。次の承認を待っています。", cancellationToken);

    public Task HandleInTransactionAsync(FaqReturned e, CancellationToken cancellationToken) =>
        RaiseAsync(AlertKind.FaqReturned, FaqType, e.EntryId, e.OwnerDepartmentId,
            "FAQが差し戻されました。コメントを確認し、修正してください。", cancellationToken);

    private async Task RaiseAsync(AlertKind kind, string itemType, Guid itemId, Guid? departmentId, string detail, CancellationToken cancellationToken)
    {
        var rules = await raiser.RulesAsync(kind, cancellationToken);
        if (rules.Count == 0) return;
        var source = sources.FirstOrDefault(s => s.ItemType == itemType);
        if (source is null || await source.FindAsync(itemId, cancellationToken) is not { } item) return;
        var request = new AlertRequest(kind, itemType, item, departmentId ?? item.DepartmentId, JapanTime.Today(clock), detail);
        await raiser.RaiseAsync(request, rules, cancellationToken);
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
