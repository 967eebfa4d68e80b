using System.Text.Json;

namespace Kocho.Core.Recipes;

/// <summary>A parsed <c>*.recipe.json</c>: the one way to describe a site's setup and data.</summary>
public sealed class Recipe
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public required string Name { get; init; }
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public required string Source { get; init; }
    public required IReadOnlyList<JsonElement> Steps { get; init; }

    /// <summary>Parses recipe text after replacing <c>${Variable}</c> placeholders.</summary>
    public static Recipe Parse(string json, string source, IReadOnlyDictionary<string, string?> variables)
    {
        var text = RecipeVariables.Substitute(json, variables, source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"レシピ {source} の JSON が正しくありません（{ex.LineNumber + 1} 行目）: {ex.Message}", ex);
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            throw new RecipeException($"レシピ {source} には \"name\" と \"steps\" が必要です。");
        }
        return new Recipe
        {
            Name = name.GetString()!,
            DisplayName = root.TryGetProperty("displayName", out var d) ? d.GetString() ?? "" : "",
            Description = root.TryGetProperty("description", out var desc) ? desc.GetString() ?? "" : "",
            Source = source,
            Steps = steps.EnumerateArray().Select(s => s.Clone()).ToList(),
        };
    }
}
