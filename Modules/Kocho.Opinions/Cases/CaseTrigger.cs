namespace Kocho.Opinions.Cases;

/// <summary>What can happen to a case; <see cref="CaseLifecycle"/> says in which status.</summary>
public enum CaseTrigger
{
    Forward = 1,              // 転送
    ReturnAllForwardings = 2, // すべての転送が返却された
    RecordHandling = 3,       // 処理の記録
    SaveDraft = 4,            // 回答案の保存
    SubmitForApproval = 5,    // 承認依頼
    Approve = 6,              // 承認
    ReturnAnswer = 7,         // 差戻し
    Send = 8,                 // 回答の送信
    Close = 9,                // 完了
    CloseWithoutAnswer = 10,  // 回答不要で完了
}
