using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;

namespace Kocho.Opinions.Cases;

/// <summary>The Japanese names of the module's enums (the UI passes them through <c>T[…]</c>; en.json holds the English).</summary>
public static class OpinionLabels
{
    public static string Of(CaseKind kind) => kind switch
    {
        CaseKind.Opinion => "意見",
        CaseKind.Request => "要望",
        CaseKind.Inquiry => "問合せ",
        CaseKind.Complaint => "苦情",
        CaseKind.Proposal => "提案",
        _ => "その他",
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Letter => "一般投書",
        Channel.MayorPostcard => "区長へのはがき",
        Channel.Email => "メール",
        Channel.WebForm => "Webフォーム",
        Channel.CallCenter => "コールセンター",
        Channel.Phone => "電話",
        Channel.Fax => "FAX",
        Channel.Open311 => "Open311",
        _ => "来庁",
    };

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Received => "受付",
        CaseStatus.Forwarded => "転送済",
        CaseStatus.InProgress => "処理中",
        CaseStatus.Drafted => "回答案",
        CaseStatus.AwaitingApproval => "承認待",
        CaseStatus.Answered => "回答済",
        CaseStatus.Completed => "完了",
        _ => "回答不要",
    };

    public static string Of(CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Forward => "転送",
        CaseTrigger.ReturnAllForwardings => "転送の返却",
        CaseTrigger.RecordHandling => "処理の記録",
        CaseTrigger.SaveDraft => "回答案の保存",
        CaseTrigger.SubmitForApproval => "承認依頼",
        CaseTrigger.Approve => "承認",
        CaseTrigger.ReturnAnswer => "差戻し",
        CaseTrigger.Send => "回答の送信",
        CaseTrigger.Close => "完了",
        _ => "回答不要で完了",
    };

    public static string Of(AnswerMethod method) => method switch
    {
        AnswerMethod.Web => "Web（このサイトで確認）",
        AnswerMethod.Email => "メール",
        AnswerMethod.Letter => "郵送（回答書）",
        AnswerMethod.Phone => "電話",
        _ => "回答不要",
    };

    public static string Of(SenderKind sender) => sender switch
    {
        SenderKind.Anonymous => "匿名",
        SenderKind.Resident => "登録利用者",
        _ => "連絡先あり",
    };

    public static string Of(ForwardingRole role) => role == ForwardingRole.Lead ? "主管課" : "関係課";

    public static string Of(ForwardingStatus status) => status switch
    {
        ForwardingStatus.Forwarded => "転送済",
        ForwardingStatus.InProgress => "処理中",
        ForwardingStatus.Answered => "回答済",
        ForwardingStatus.Returned => "返却",
        _ => "完了",
    };

    public static string Of(HandlingKind kind) => kind switch
    {
        HandlingKind.Answer => "回答",
        HandlingKind.Explanation => "説明",
        _ => "対応",
    };

    public static string Of(AnswerStatus status) => status switch
    {
        AnswerStatus.Draft => "回答案",
        AnswerStatus.Submitted => "承認依頼中",
        AnswerStatus.Approved => "承認済",
        AnswerStatus.Returned => "差戻し",
        _ => "送信済",
    };

    public static string Of(HistoryAction action) => action switch
    {
        HistoryAction.Received => "受付",
        HistoryAction.Forwarded => "転送",
        HistoryAction.ForwardingReturned => "転送の返却",
        HistoryAction.DueChanged => "回答期限の変更",
        HistoryAction.HandlingRecorded => "処理の記録",
        HistoryAction.AnswerDrafted => "回答案の作成",
        HistoryAction.AnswerSubmitted => "承認依頼",
        HistoryAction.AnswerApproved => "承認",
        HistoryAction.AnswerReturned => "差戻し",
        HistoryAction.AnswerSent => "回答の送信",
        HistoryAction.Closed => "完了",
        HistoryAction.ClosedWithoutAnswer => "回答不要で完了",
        HistoryAction.Call => "電話",
        HistoryAction.Visit => "来庁・訪問",
        HistoryAction.Memo => "メモ",
        _ => "訂正",
    };
}
