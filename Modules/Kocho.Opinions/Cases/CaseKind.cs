namespace Kocho.Opinions.Cases;

/// <summary>種別 of an 意見等.</summary>
public enum CaseKind
{
    Opinion = 1,   // 意見
    Request = 2,   // 要望
    Inquiry = 3,   // 問合せ
    Complaint = 4, // 苦情
    Proposal = 5,  // 提案
    Other = 9,     // その他
}
