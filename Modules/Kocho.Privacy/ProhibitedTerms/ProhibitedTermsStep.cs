using System.Text.Json;
using Kocho.Core.Recipes;

namespace Kocho.Privacy.ProhibitedTerms;

/// <summary>
/// <c>{ "name": "prohibitedTerms", "terms": { "犯罪": ["前科", …], … } }</c>: the term list of the prohibited categories; without
/// <c>terms</c> the default list is written (so a site can start from it and edit it at /admin/privacy/prohibited-terms).
/// </summary>
public sealed class ProhibitedTermsStep(ProhibitedTermList list) : IRecipeStepHandler
{
    public string StepName => "prohibitedTerms";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var input = context.Step.TryGetProperty("terms", out var terms) && terms.ValueKind == JsonValueKind.Object
            ? terms.Deserialize<Dictionary<string, List<string>>>()!.ToDictionary(p => p.Key, p => (IEnumerable<string>)p.Value)
            : ProhibitedTermList.Default.ToDictionary(p => p.Key, p => (IEnumerable<string>)p.Value);
        var (clean, errors) = ProhibitedTermList.Validate(input);
        if (errors.Count > 0) throw new RecipeException("要配慮の語の一覧: " + string.Join(" ", errors));
        await list.SaveAsync(clean, cancellationToken);
    }
}
