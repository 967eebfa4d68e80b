using System.Text.Json;
using System.Text.Json.Serialization;
using Kocho.Core.Search;
using Kocho.Tests.Infrastructure;

namespace Kocho.Tests.Search;

/// <summary>The demo FAQ entries (recipes/demo/faq-entries.json) and the evaluation queries, as the search tests use them.</summary>
public static class FaqCorpus
{
    public sealed record Entry(
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("category")] string Category,
        [property: JsonPropertyName("subcategory")] string Subcategory,
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("answer")] string Answer,
        [property: JsonPropertyName("keywords")] string[] Keywords,
        [property: JsonPropertyName("department")] string Department,
        [property: JsonPropertyName("visibility")] string Visibility);

    public sealed record Query(
        [property: JsonPropertyName("query")] string Text,
        [property: JsonPropertyName("relevant")] int[] Relevant);

    public static IReadOnlyList<Entry> Entries { get; } = Read<Entry>("recipes", "demo", "faq-entries.json");

    public static IReadOnlyList<Query> Queries { get; } = Read<Query>("tests", "Kocho.Tests", "Search", "Evaluation", "queries.json");

    /// <summary>An entry as the FAQ module indexes it: public or internal as a tag, with its department.</summary>
    public static SearchDocument ToDocument(Entry entry) => new()
    {
        Id = entry.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = entry.Question,
        Keywords = string.Join(" ", entry.Keywords),
        Body = entry.Answer,
        Tags = new Dictionary<string, IReadOnlyList<string>>
        {
            ["visibility"] = [entry.Visibility == "公開" ? "public" : "internal"],
            ["department"] = [entry.Department],
        },
        Date = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(entry.Number),
    };

    private static List<T> Read<T>(params string[] path) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(Path.Combine([RepositoryRoot.Find(), .. path])))
        ?? throw new InvalidOperationException(string.Join('/', path) + " is empty.");
}
