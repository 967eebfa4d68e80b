namespace Kocho.Core.Search;

/// <summary>A resident's or staff member's words, with exact filters: every key must match one of its values.</summary>
public sealed record SearchQuery
{
    public required string Text { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public int Skip { get; init; }
    public int Take { get; init; } = 10;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Whether hits carry highlighted snippets (costs time; lists of ids do not need them).</summary>
    public bool Highlight { get; init; } = true;
}

public enum SearchSort
{
    Relevance,
    Newest,
}
