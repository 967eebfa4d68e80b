namespace Kocho.Core.Recipes;

public sealed record ModuleRecipeStep(string ModuleId, IRecipeStepHandler Handler);
