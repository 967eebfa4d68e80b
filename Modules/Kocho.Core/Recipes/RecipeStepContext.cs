using System.Text.Json;

namespace Kocho.Core.Recipes;

/// <summary>What a step handler gets: the step's JSON and a way to run a nested recipe.</summary>
public sealed class RecipeStepContext(string recipeName, int index, JsonElement step, Func<string, CancellationToken, Task> runRecipe)
{
    public string RecipeName { get; } = recipeName;
    public int Index { get; } = index;
    public JsonElement Step { get; } = step;

    public Task RunRecipeAsync(string nameOrPath, CancellationToken cancellationToken) => runRecipe(nameOrPath, cancellationToken);

    /// <summary>Deserializes a property of the step (web defaults: camelCase, case-insensitive).</summary>
    public T Read<T>(string property)
    {
        if (!Step.TryGetProperty(property, out var value))
        {
            throw new RecipeException($"「{property}」がありません。");
        }
        try
        {
            return value.Deserialize<T>(Recipe.JsonOptions) ?? throw new RecipeException($"「{property}」が空です。");
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"「{property}」の形式が正しくありません（{ex.Path}）。");
        }
    }
}
