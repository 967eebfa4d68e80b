using System.Text.Json.Serialization;

namespace Kocho.Opinions.Demo;

/// <summary>The demo cases file (<c>recipes/demo/opinion-cases.json</c>): actors, fictional senders and one compact line per case.</summary>
public sealed record DemoCaseFile(DemoCaseFile.ActorNames Actors, IReadOnlyList<DemoCaseFile.Person> Senders, IReadOnlyList<DemoCaseFile.Item> Cases)
{
    public sealed record ActorNames(string Section, string CallCenter, IReadOnlyDictionary<string, string[]> Departments);

    public sealed record Person(string Name, string PostalCode, string Address, string Phone, string? Email);

    public sealed record Item(
        [property: JsonPropertyName("ch")] string Channel,
        string Kind,
        [property: JsonPropertyName("cat")] string Category,
        string Lead,
        [property: JsonPropertyName("rel")] IReadOnlyList<string>? Related,
        [property: JsonPropertyName("st")] string Status,
        int Ago,
        int? Who,
        [property: JsonPropertyName("subj")] string Subject,
        string Body,
        [property: JsonPropertyName("ans")] string? Answer);
}
