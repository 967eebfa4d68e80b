namespace Kocho.Faq.Entries;

/// <summary>
/// FAQ (よくある質問): one question the ward answers, kept as a series of <see cref="FaqVersion"/>s. The entry holds
/// what does not change with an edit: its number, owner department, counters and which version is published.
/// </summary>
public sealed class FaqEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>FAQ番号: the id residents, URLs, the API and CSV use.</summary>
    public int Number { get; set; }

    /// <summary>担当課: whose staff edit it and whose approver approves it.</summary>
    public Guid OwnerDepartmentId { get; set; }

    /// <summary>The approved version (公開中, or waiting for its publish-from date).</summary>
    public Guid? PublishedVersionId { get; set; }

    /// <summary>The version on the site right now: approved and inside its publish window. Kept by <c>FaqPublication</c>.</summary>
    public Guid? LiveVersionId { get; set; }

    /// <summary>The version being worked on (下書き, 承認待, 差戻し), if any.</summary>
    public Guid? WorkingVersionId { get; set; }

    public DateOnly? LastReviewedOn { get; set; }
    public int ViewCount { get; set; }
    public int HelpfulCount { get; set; }
    public int NotHelpfulCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
