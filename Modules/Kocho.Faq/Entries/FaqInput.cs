namespace Kocho.Faq.Entries;

/// <summary>What an editor types for a version; nullable so that <see cref="FaqService"/> gives the Japanese messages, not MVC.</summary>
public sealed class FaqInput
{
    public string? Question { get; set; }
    public string? Answer { get; set; }

    /// <summary>大分類 or 中分類 code; empty = none.</summary>
    public string? Category { get; set; }

    /// <summary>担当課コード.</summary>
    public string? Department { get; set; }

    public string? Keywords { get; set; }
    public string? RelatedLinks { get; set; }
    public FaqVisibility Visibility { get; set; }
    public DateOnly? PublishFrom { get; set; }
    public DateOnly? PublishTo { get; set; }

    public static FaqInput From(FaqVersion version, string? categoryCode, string? departmentCode) => new()
    {
        Question = version.Question,
        Answer = version.Answer,
        Category = categoryCode,
        Department = departmentCode,
        Keywords = version.Keywords,
        RelatedLinks = version.RelatedLinks,
        Visibility = version.Visibility,
        PublishFrom = version.PublishFrom,
        PublishTo = version.PublishTo,
    };
}
