using Kocho.Faq.Entries;
using Kocho.Opinions.Cases;
using Kocho.Opinions.History;

namespace Kocho.Migration.Legacy;

/// <summary>The old system's codes for 受付媒体, 種別, 状態, 処理区分 and 公開区分 and ours (the table in docs/migration.md).</summary>
public static class LegacyMapping
{
    public static readonly IReadOnlyDictionary<string, Channel> Channels = new Dictionary<string, Channel>
    {
        ["一般投書"] = Channel.Letter, ["投書"] = Channel.Letter, ["手紙"] = Channel.Letter,
        ["区長へのはがき"] = Channel.MayorPostcard, ["はがき"] = Channel.MayorPostcard,
        ["メール"] = Channel.Email, ["電子メール"] = Channel.Email,
        ["Webフォーム"] = Channel.WebForm, ["ホームページ"] = Channel.WebForm, ["インターネット"] = Channel.WebForm,
        ["コールセンター"] = Channel.CallCenter,
        ["電話"] = Channel.Phone,
        ["FAX"] = Channel.Fax, ["ファクス"] = Channel.Fax, ["ファックス"] = Channel.Fax,
        ["来庁"] = Channel.Visit, ["窓口"] = Channel.Visit,
    };

    public static readonly IReadOnlyDictionary<string, CaseKind> Kinds = new Dictionary<string, CaseKind>
    {
        ["意見"] = CaseKind.Opinion, ["要望"] = CaseKind.Request, ["問合せ"] = CaseKind.Inquiry, ["問い合わせ"] = CaseKind.Inquiry,
        ["質問"] = CaseKind.Inquiry, ["苦情"] = CaseKind.Complaint, ["提案"] = CaseKind.Proposal, ["その他"] = CaseKind.Other,
    };

    public static readonly IReadOnlyDictionary<string, CaseStatus> States = new Dictionary<string, CaseStatus>
    {
        ["受付"] = CaseStatus.Received, ["転送済"] = CaseStatus.Forwarded, ["転送"] = CaseStatus.Forwarded,
        ["処理中"] = CaseStatus.InProgress, ["回答済"] = CaseStatus.Answered, ["完了"] = CaseStatus.Completed,
        ["回答不要"] = CaseStatus.NoAnswerNeeded,
    };

    public static readonly IReadOnlyDictionary<string, HistoryAction> HistoryActions = new Dictionary<string, HistoryAction>
    {
        ["受付"] = HistoryAction.Received, ["転送"] = HistoryAction.Forwarded, ["返却"] = HistoryAction.ForwardingReturned,
        ["期限変更"] = HistoryAction.DueChanged, ["処理"] = HistoryAction.HandlingRecorded, ["対応"] = HistoryAction.HandlingRecorded,
        ["説明"] = HistoryAction.HandlingRecorded, ["回答案"] = HistoryAction.AnswerDrafted, ["承認依頼"] = HistoryAction.AnswerSubmitted,
        ["承認"] = HistoryAction.AnswerApproved, ["差戻し"] = HistoryAction.AnswerReturned, ["回答"] = HistoryAction.AnswerSent,
        ["完了"] = HistoryAction.Closed, ["電話"] = HistoryAction.Call, ["来庁"] = HistoryAction.Visit, ["訪問"] = HistoryAction.Visit,
        ["メモ"] = HistoryAction.Memo,
    };

    /// <summary>公開区分: 公開 and 内部 are published versions; 非公開 is kept, unpublished.</summary>
    public static readonly IReadOnlyDictionary<string, (FaqVisibility Visibility, bool Published)> FaqVisibilities =
        new Dictionary<string, (FaqVisibility, bool)>
        {
            ["公開"] = (FaqVisibility.Public, true), ["内部"] = (FaqVisibility.Internal, true), ["非公開"] = (FaqVisibility.Public, false),
        };

    /// <summary>A case received with a 主管課 is already forwarded in our lifecycle.</summary>
    public static CaseStatus StatusOf(CaseStatus legacy, bool hasLead) =>
        legacy == CaseStatus.Received && hasLead ? CaseStatus.Forwarded : legacy;

    public static bool TryMap<T>(IReadOnlyDictionary<string, T> map, string raw, out T value) =>
        map.TryGetValue(LegacyText.Fold(raw).ToUpperInvariant() == "FAX" ? "FAX" : raw.Trim(), out value!);
}
