namespace Kocho.Core.Search;

/// <summary>
/// One thing to find (a FAQ entry, an opinion case) as the search service indexes it. The index is not
/// encrypted: the module passes text with personal data already removed.
/// </summary>
public sealed record SearchDocument
{
    public required string Id { get; init; }

    /// <summary>質問 / 件名: weighed highest.</summary>
    public string Title { get; init; } = "";

    /// <summary>キーワード: weighed above the body.</summary>
    public string Keywords { get; init; } = "";

    /// <summary>回答 / 内容, as plain text.</summary>
    public string Body { get; init; } = "";

    /// <summary>Exact values to filter on and read back from hits, e.g. "visibility" → ["public"], "department" → ["0502", "1102"].</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tags { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>When it happened (received, published): the order of <see cref="SearchSort.Newest"/>.</summary>
    public DateTime? Date { get; init; }
}
