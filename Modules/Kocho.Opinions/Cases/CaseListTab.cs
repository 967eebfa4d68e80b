namespace Kocho.Opinions.Cases;

/// <summary>The staff case list's tabs (進捗管理).</summary>
public enum CaseListTab
{
    Mine = 1,               // 自所属の意見等 (the section: all)
    DueSoon = 2,            // 期限が3業務日以内
    Overdue = 3,            // 期限超過
    AwaitingMyApproval = 4, // 承認待ち（自分の承認）
    Open = 5,               // 未完了
}
