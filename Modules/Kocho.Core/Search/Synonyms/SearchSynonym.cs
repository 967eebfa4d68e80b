namespace Kocho.Core.Search.Synonyms;

/// <summary>One 同義語 group of the search (住民票, 住民票の写し), edited by administrators; terms are kept in order.</summary>
public sealed class SearchSynonym
{
    public const int MaxTermsLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public int SortOrder { get; set; }

    /// <summary>The terms, separated by <see cref="Separator"/>.</summary>
    public string Terms { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public const char Separator = '\u001F';

    public IReadOnlyList<string> TermList => Terms.Split(Separator, StringSplitOptions.RemoveEmptyEntries);
}
