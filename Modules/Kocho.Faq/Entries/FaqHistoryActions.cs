namespace Kocho.Faq.Entries;

/// <summary>The history's action codes as staff read them.</summary>
public static class FaqHistoryActions
{
    public static string Name(string action) => action switch
    {
        "created" => "作成",
        "edited" => "編集",
        "submitted" => "承認依頼",
        "approved" => "承認",
        "returned" => "差戻し",
        "published" => "公開",
        "scheduled" => "公開予定（公開開始日を待っています）",
        "unpublished" => "公開停止",
        "restored" => "古い版を復元",
        "reviewed" => "内容を確認",
        "imported" => "CSVから取込",
        _ => action,
    };
}
