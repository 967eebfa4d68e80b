namespace Kocho.Opinions.Cases;

/// <summary>進捗: the lifecycle <see cref="CaseLifecycle"/> owns.</summary>
public enum CaseStatus
{
    Received = 1,         // 受付
    Forwarded = 2,        // 転送済
    InProgress = 3,       // 処理中
    Drafted = 4,          // 回答案
    AwaitingApproval = 5, // 承認待
    Answered = 6,         // 回答済
    Completed = 7,        // 完了
    NoAnswerNeeded = 8,   // 回答不要
}
