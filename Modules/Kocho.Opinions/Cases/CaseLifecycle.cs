namespace Kocho.Opinions.Cases;

/// <summary>
/// 進捗管理: the one place that decides which status follows which (受付 → 転送済 → 処理中 → 回答案 → 承認待 →
/// 回答済 → 完了, and 回答不要). Every service moves a case only through <see cref="Fire"/>.
/// </summary>
public static class CaseLifecycle
{
    private static readonly Dictionary<(CaseStatus From, CaseTrigger Trigger), CaseStatus> Transitions = new()
    {
        [(CaseStatus.Received, CaseTrigger.Forward)] = CaseStatus.Forwarded,
        [(CaseStatus.Forwarded, CaseTrigger.Forward)] = CaseStatus.Forwarded,
        [(CaseStatus.InProgress, CaseTrigger.Forward)] = CaseStatus.InProgress,
        [(CaseStatus.Drafted, CaseTrigger.Forward)] = CaseStatus.Drafted,

        [(CaseStatus.Forwarded, CaseTrigger.ReturnAllForwardings)] = CaseStatus.Received,
        [(CaseStatus.InProgress, CaseTrigger.ReturnAllForwardings)] = CaseStatus.Received,

        [(CaseStatus.Forwarded, CaseTrigger.RecordHandling)] = CaseStatus.InProgress,
        [(CaseStatus.InProgress, CaseTrigger.RecordHandling)] = CaseStatus.InProgress,
        [(CaseStatus.Drafted, CaseTrigger.RecordHandling)] = CaseStatus.Drafted,
        [(CaseStatus.AwaitingApproval, CaseTrigger.RecordHandling)] = CaseStatus.AwaitingApproval,

        [(CaseStatus.Forwarded, CaseTrigger.SaveDraft)] = CaseStatus.Drafted,
        [(CaseStatus.InProgress, CaseTrigger.SaveDraft)] = CaseStatus.Drafted,
        [(CaseStatus.Drafted, CaseTrigger.SaveDraft)] = CaseStatus.Drafted,

        [(CaseStatus.Drafted, CaseTrigger.SubmitForApproval)] = CaseStatus.AwaitingApproval,
        [(CaseStatus.AwaitingApproval, CaseTrigger.Approve)] = CaseStatus.AwaitingApproval,
        [(CaseStatus.AwaitingApproval, CaseTrigger.ReturnAnswer)] = CaseStatus.Drafted,
        [(CaseStatus.AwaitingApproval, CaseTrigger.Send)] = CaseStatus.Answered,
        [(CaseStatus.Answered, CaseTrigger.Close)] = CaseStatus.Completed,

        [(CaseStatus.Received, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
        [(CaseStatus.Forwarded, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
        [(CaseStatus.InProgress, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
        [(CaseStatus.Drafted, CaseTrigger.CloseWithoutAnswer)] = CaseStatus.NoAnswerNeeded,
    };

    public static bool CanFire(CaseStatus from, CaseTrigger trigger) => Transitions.ContainsKey((from, trigger));

    /// <summary>The status after <paramref name="trigger"/>; throws <see cref="OpinionException"/> with a Japanese message when not allowed.</summary>
    public static CaseStatus Next(CaseStatus from, CaseTrigger trigger) =>
        Transitions.TryGetValue((from, trigger), out var to)
            ? to
            : throw new OpinionException($"状態が「{OpinionLabels.Of(from)}」の意見等では「{OpinionLabels.Of(trigger)}」はできません。");

    public static void Fire(OpinionCase opinionCase, CaseTrigger trigger) => opinionCase.Status = Next(opinionCase.Status, trigger);

    public static bool IsClosed(CaseStatus status) => status is CaseStatus.Completed or CaseStatus.NoAnswerNeeded;

    public static IReadOnlyCollection<(CaseStatus From, CaseTrigger Trigger, CaseStatus To)> All =>
        Transitions.Select(t => (t.Key.From, t.Key.Trigger, t.Value)).ToList();
}
