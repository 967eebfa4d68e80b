namespace Kocho.Core.Recipes;

/// <summary>Executes one kind of recipe step (<c>"name": "departments"</c>, …) inside the recipe's transaction.</summary>
public interface IRecipeStepHandler
{
    string StepName { get; }

    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}
