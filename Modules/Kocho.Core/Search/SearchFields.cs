namespace Kocho.Core.Search;

/// <summary>Field names of the Lucene documents: each text twice, as bigrams and as ICU words (suffix ".w").</summary>
internal static class SearchFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Keywords = "keywords";
    public const string Body = "body";
    public const string WordSuffix = ".w";
    public const string Date = "date";
    public const string TagPrefix = "tag.";

    /// <summary>Question and keywords weigh above the answer.</summary>
    public static readonly (string Field, float Boost)[] Weighted = [(Title, 3f), (Keywords, 2f), (Body, 1f)];
}
