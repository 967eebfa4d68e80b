using System.Text.Json;
using Kocho.Core.Data;
using Kocho.Core.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Recipes;

/// <summary>
/// Runs a recipe step by step in one transaction: a failing step rolls the whole recipe back and the
/// message names the step and the reason. Steps come from enabled modules (a <c>modules</c> step earlier
/// in the same recipe makes later steps available).
/// </summary>
public sealed class RecipeExecutor(
    RecipeLocator locator,
    UnitOfWork unitOfWork,
    IServiceProvider services,
    EnabledModules enabledModules,
    ModuleManager moduleManager,
    IConfiguration configuration,
    ILogger<RecipeExecutor> logger)
{
    private const int MaxDepth = 5;

    public async Task<Recipe> RunAsync(string nameOrPath, CancellationToken cancellationToken = default)
    {
        var recipe = Load(nameOrPath);
        try
        {
            await unitOfWork.ExecuteAsync(ct => RunStepsAsync(recipe, 0, ct), cancellationToken);
        }
        catch
        {
            // The transaction rolled back: forget module states read inside it.
            await moduleManager.RefreshAsync(CancellationToken.None);
            throw;
        }
        logger.LogInformation("Recipe {Recipe} executed ({Steps} steps)", recipe.Name, recipe.Steps.Count);
        return recipe;
    }

    public Recipe Load(string nameOrPath)
    {
        var path = locator.Resolve(nameOrPath);
        return Recipe.Parse(File.ReadAllText(path), Path.GetFileName(path), Variables());
    }

    private Dictionary<string, string?> Variables() =>
        configuration.GetSection("Kocho:Setup").GetChildren().ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private async Task RunStepsAsync(Recipe recipe, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            throw new RecipeException($"レシピ「{recipe.Name}」の入れ子が深すぎます。");
        }
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var stepName = step.ValueKind == JsonValueKind.Object && step.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            try
            {
                if (stepName == "recipe")
                {
                    var nested = Load(step.GetProperty("run").GetString() ?? "");
                    await RunStepsAsync(nested, depth + 1, cancellationToken);
                    continue;
                }
                var handler = services.GetServices<ModuleRecipeStep>()
                    .FirstOrDefault(s => s.Handler.StepName == stepName && enabledModules.IsEnabled(s.ModuleId))
                    ?? throw new RecipeException($"ステップ「{stepName}」を実行できるモジュールが有効になっていません。");
                var context = new RecipeStepContext(recipe.Name, i + 1, step,
                    (name, ct) => RunStepsAsync(Load(name), depth + 1, ct));
                await handler.Handler.ExecuteAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsWrapped(ex))
            {
                logger.LogWarning(ex, "Recipe {Recipe} failed at step {Index} ({Step})", recipe.Name, i + 1, stepName);
                var reason = ex is RecipeException or ModuleException ? ex.Message : ReasonOf(ex);
                throw new RecipeException($"レシピ「{recipe.Name}」のステップ {i + 1}（{stepName}）で失敗しました: {reason}", ex) { Data = { ["wrapped"] = true } };
            }
        }
    }

    private static bool IsWrapped(Exception ex) => ex.Data.Contains("wrapped");

    private static string ReasonOf(Exception ex) => ex switch
    {
        KeyNotFoundException => "必要な項目がありません。",
        Microsoft.EntityFrameworkCore.DbUpdateException db => "データベースに保存できませんでした（" + (db.InnerException?.Message ?? db.Message) + "）。",
        _ => ex.Message,
    };
}
