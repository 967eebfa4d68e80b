using Kocho.Alerts.Rules;
using Kocho.Core.Recipes;

namespace Kocho.Alerts.Recipes;

/// <summary>
/// <c>{ "name": "alertRules", "rules": [ { "kind", "businessDays", "department": "Item|Fixed|None", "departmentCode", "role",
/// "users", "inbox", "mail", "enabled" } ] }</c>. A rule with the same kind, threshold and department target as an existing
/// one replaces it, so the recipe can run again.
/// </summary>
public sealed class AlertRulesStep(AlertRuleService rules) : IRecipeStepHandler
{
    public string StepName => "alertRules";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = context.Read<List<AlertRuleInput>>("rules");
        for (var i = 0; i < items.Count; i++)
        {
            var (rule, errors) = await rules.ValidateAsync(items[i], cancellationToken);
            if (rule is null)
            {
                throw new RecipeException($"アラート送信ルール {i + 1} 件目（{items[i].Kind}）: {string.Join(" ", errors.Values)}");
            }
            await rules.SaveValidAsync(await rules.SameTargetAsync(rule, cancellationToken), rule, cancellationToken);
        }
    }
}
