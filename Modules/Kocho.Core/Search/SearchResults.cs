namespace Kocho.Core.Search;

/// <summary>One page of hits and how many matched in all.</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults Empty = new(0, []);
}

/// <summary>
/// A match. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are HTML-encoded text with the matched
/// words in &lt;mark&gt;; they are empty when the query asked for no highlighting.
/// </summary>
public sealed record SearchHit(string Id, float Score, string TitleHtml, string SnippetHtml, IReadOnlyDictionary<string, IReadOnlyList<string>> Tags);
