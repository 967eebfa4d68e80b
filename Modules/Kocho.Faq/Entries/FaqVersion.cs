namespace Kocho.Faq.Entries;

/// <summary>One version (版) of an entry's content. Published versions are never edited: an edit makes a new draft.</summary>
public sealed class FaqVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EntryId { get; set; }

    /// <summary>第n版, 1, 2, 3 … per entry.</summary>
    public int VersionNumber { get; set; }

    public FaqVersionStatus Status { get; set; }

    /// <summary>質問</summary>
    public string Question { get; set; } = "";

    /// <summary>回答 (Markdown; rendered and sanitized by <see cref="FaqMarkdown"/>).</summary>
    public string Answer { get; set; } = "";

    /// <summary>大分類 or 中分類 (Core's categories).</summary>
    public Guid? CategoryId { get; set; }

    /// <summary>キーワード, one per line.</summary>
    public string Keywords { get; set; } = "";

    /// <summary>関連リンク, one per line: 「タイトル https://…」.</summary>
    public string RelatedLinks { get; set; } = "";

    public FaqVisibility Visibility { get; set; }
    public DateOnly? PublishFrom { get; set; }
    public DateOnly? PublishTo { get; set; }

    /// <summary>Index into the department's approval steps while 承認待 (0 = first step).</summary>
    public int ApprovalStep { get; set; }

    public Guid? BasedOnVersionId { get; set; }
    public Guid? EditedBy { get; set; }
    public string EditedByName { get; set; } = "";
    public Guid? SubmittedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    public IReadOnlyList<string> KeywordList() =>
        Keywords.Split(['\n', '\r', ',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsInPublishWindow(DateOnly today) =>
        (PublishFrom is null || PublishFrom <= today) && (PublishTo is null || today <= PublishTo);
}
