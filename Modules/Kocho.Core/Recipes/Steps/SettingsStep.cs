using System.Text.Json;
using Kocho.Core.Settings;

namespace Kocho.Core.Recipes.Steps;

/// <summary><c>{ "name": "settings", "values": { "Site.Name": "…" } }</c></summary>
public sealed class SettingsStep(SiteSettings settings) : IRecipeStepHandler
{
    public string StepName => "settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in context.Read<Dictionary<string, JsonElement>>("values"))
        {
            await settings.SetRawAsync(key, value.GetRawText(), cancellationToken);
        }
    }
}
