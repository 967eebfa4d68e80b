namespace Kocho.Opinions.History;

public enum HistoryAction
{
    Received = 1,          // 受付
    Forwarded = 2,         // 転送
    ForwardingReturned = 3,// 転送の返却
    DueChanged = 4,        // 回答期限の変更
    HandlingRecorded = 5,  // 処理の記録
    AnswerDrafted = 6,     // 回答案の作成
    AnswerSubmitted = 7,   // 承認依頼
    AnswerApproved = 8,    // 承認
    AnswerReturned = 9,    // 差戻し
    AnswerSent = 10,       // 回答の送信
    Closed = 11,           // 完了
    ClosedWithoutAnswer = 12, // 回答不要で完了
    Call = 20,             // 電話
    Visit = 21,            // 来庁・訪問
    Memo = 22,             // メモ
    Correction = 30,       // 訂正
}
