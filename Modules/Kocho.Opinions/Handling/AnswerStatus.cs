namespace Kocho.Opinions.Handling;

public enum AnswerStatus
{
    Draft = 1,     // 回答案
    Submitted = 2, // 承認依頼中
    Approved = 3,  // 承認済
    Returned = 4,  // 差戻し
    Sent = 5,      // 送信済
}
