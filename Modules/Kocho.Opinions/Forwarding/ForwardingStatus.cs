namespace Kocho.Opinions.Forwarding;

/// <summary>A forwarding's own status, beside the case's.</summary>
public enum ForwardingStatus
{
    Forwarded = 1,  // 転送済
    InProgress = 2, // 処理中
    Answered = 3,   // 回答済
    Returned = 4,   // 返却
    Completed = 5,  // 完了
}
