using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kocho.Core.Recipes;

/// <summary>Replaces <c>${Name}</c> in recipe text with configured values (e.g. the demo password).</summary>
public static partial class RecipeVariables
{
    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    public static string Substitute(string json, IReadOnlyDictionary<string, string?> variables, string source) =>
        Placeholder().Replace(json, match =>
        {
            var name = match.Groups[1].Value;
            if (!variables.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
            {
                throw new RecipeException($"レシピ {source} が使う変数 ${{{name}}} が設定されていません（Kocho:Setup:{name}）。");
            }
            // The placeholder stands inside a JSON string: insert the value JSON-escaped, without quotes.
            var encoded = JsonSerializer.Serialize(value);
            return encoded[1..^1];
        });
}
