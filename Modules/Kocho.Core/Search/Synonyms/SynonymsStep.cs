using Kocho.Core.Recipes;

namespace Kocho.Core.Search.Synonyms;

/// <summary><c>{ "name": "synonyms", "synonyms": [ ["住民票", "住民票の写し"], … ] }</c> — replaces the search's synonym list.</summary>
public sealed class SynonymsStep(SynonymStore store) : IRecipeStepHandler
{
    public string StepName => "synonyms";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var groups = context.Read<List<List<string>>>("synonyms");
        var (parsed, errors) = SynonymList.Parse(string.Join("\n", groups.Select(g => string.Join(", ", g))));
        if (errors.Count > 0)
        {
            throw new RecipeException($"同義語: {string.Format(System.Globalization.CultureInfo.InvariantCulture, errors[0].Message, errors[0].Arguments)}");
        }
        await store.ReplaceRowsAsync(parsed, cancellationToken);
    }
}
