using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kocho.Core.Recipes;

/// <summary>
/// Finds recipes by name (<c>shinjuku</c> → <c>shinjuku.recipe.json</c>) in the recipes folder shipped
/// with the app, or by path.
/// </summary>
public sealed class RecipeLocator(IHostEnvironment environment, IConfiguration configuration)
{
    public IReadOnlyList<string> Folders()
    {
        var folders = new List<string>();
        if (configuration["Kocho:Recipes:Path"] is { Length: > 0 } configured) folders.Add(Path.GetFullPath(configured, environment.ContentRootPath));
        folders.Add(Path.Combine(AppContext.BaseDirectory, "recipes"));
        folders.Add(Path.Combine(environment.ContentRootPath, "recipes"));
        return folders.Distinct().Where(Directory.Exists).ToList();
    }

    public string Resolve(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }
        foreach (var folder in Folders())
        {
            var candidate = Path.Combine(folder, nameOrPath + ".recipe.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new RecipeException($"レシピ「{nameOrPath}」が見つかりません。");
    }

    public IReadOnlyList<string> Names() =>
        Folders().SelectMany(f => Directory.GetFiles(f, "*.recipe.json"))
            .Select(f => Path.GetFileName(f)[..^".recipe.json".Length])
            .Distinct().Order(StringComparer.Ordinal).ToList();
}
