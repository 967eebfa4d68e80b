using Kocho.Core.Modules;

namespace Kocho.Core.Recipes.Steps;

/// <summary><c>{ "name": "modules", "enable": [...], "disable": [...] }</c></summary>
public sealed class ModulesStep(ModuleManager modules) : IRecipeStepHandler
{
    public string StepName => "modules";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step.TryGetProperty("enable", out _))
        {
            foreach (var id in context.Read<string[]>("enable")) await modules.EnableAsync(id, cancellationToken);
        }
        if (context.Step.TryGetProperty("disable", out _))
        {
            foreach (var id in context.Read<string[]>("disable")) await modules.DisableAsync(id, cancellationToken);
        }
    }
}
