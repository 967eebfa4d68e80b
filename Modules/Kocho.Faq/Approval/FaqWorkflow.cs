using Kocho.Faq.Entries;
using Stateless;

namespace Kocho.Faq.Approval;

/// <summary>
/// The one state machine of a version (電子的な承認依頼と上位者の承認): 下書き → 承認待 → (next step …) → 公開, or 差戻し
/// back to the editor. Every status change of a version goes through <see cref="Fire"/>; anything else is refused in Japanese.
/// </summary>
public sealed class FaqWorkflow
{
    private readonly StateMachine<FaqVersionStatus, FaqTrigger> _machine;
    private bool _finalStep;

    public FaqWorkflow(FaqVersion version)
    {
        _machine = new StateMachine<FaqVersionStatus, FaqTrigger>(() => version.Status, s => version.Status = s);
        _machine.Configure(FaqVersionStatus.Draft)
            .PermitReentry(FaqTrigger.Edit)
            .Permit(FaqTrigger.Submit, FaqVersionStatus.Pending)
            .Permit(FaqTrigger.PublishDirectly, FaqVersionStatus.Published);
        _machine.Configure(FaqVersionStatus.Returned)
            .Permit(FaqTrigger.Edit, FaqVersionStatus.Draft)
            .Permit(FaqTrigger.Submit, FaqVersionStatus.Pending)
            .Permit(FaqTrigger.PublishDirectly, FaqVersionStatus.Published);
        _machine.Configure(FaqVersionStatus.Pending)
            .PermitReentryIf(FaqTrigger.Approve, () => !_finalStep)
            .PermitIf(FaqTrigger.Approve, FaqVersionStatus.Published, () => _finalStep)
            .Permit(FaqTrigger.Return, FaqVersionStatus.Returned);
        _machine.Configure(FaqVersionStatus.Published)
            .Permit(FaqTrigger.Supersede, FaqVersionStatus.Superseded)
            .Permit(FaqTrigger.Unpublish, FaqVersionStatus.Unpublished);
        _machine.OnUnhandledTrigger((state, trigger) => throw new FaqWorkflowException(
            $"この版は「{StatusName(state)}」のため、{TriggerName(trigger)}ことはできません。"));
    }

    public FaqVersionStatus Status => _machine.State;

    public bool CanFire(FaqTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires <paramref name="trigger"/>; for <see cref="FaqTrigger.Approve"/>, <paramref name="finalStep"/> says whether this approval publishes.</summary>
    public void Fire(FaqTrigger trigger, bool finalStep = false)
    {
        _finalStep = finalStep;
        _machine.Fire(trigger);
    }

    public static string StatusName(FaqVersionStatus status) => status switch
    {
        FaqVersionStatus.Draft => "下書き",
        FaqVersionStatus.Pending => "承認待",
        FaqVersionStatus.Returned => "差戻し",
        FaqVersionStatus.Published => "公開",
        FaqVersionStatus.Superseded => "旧版",
        FaqVersionStatus.Unpublished => "公開停止",
        _ => status.ToString(),
    };

    private static string TriggerName(FaqTrigger trigger) => trigger switch
    {
        FaqTrigger.Edit => "編集する",
        FaqTrigger.Submit => "承認依頼する",
        FaqTrigger.Approve => "承認する",
        FaqTrigger.Return => "差し戻す",
        FaqTrigger.PublishDirectly => "公開する",
        FaqTrigger.Supersede => "新しい版に置き換える",
        FaqTrigger.Unpublish => "公開停止する",
        _ => trigger.ToString(),
    };
}
