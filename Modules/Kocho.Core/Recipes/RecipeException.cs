namespace Kocho.Core.Recipes;

/// <summary>A recipe that cannot run; the message names the recipe, the step and the reason in Japanese.</summary>
public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);
