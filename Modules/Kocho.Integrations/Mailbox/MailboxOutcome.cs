namespace Kocho.Integrations.Mailbox;

/// <summary>What the intake made of one mail, and so which folder it goes to.</summary>
public enum MailboxOutcome
{
    CaseCreated = 1,   // 新しい意見等として受付
    AddedToCase = 2,   // 受付番号を引用した返信: その意見等の処理履歴へ
    Ignored = 3,       // 自動応答・配信不能通知
    Rejected = 4,      // 大きすぎる・壊れている・受け付けられない内容
}
