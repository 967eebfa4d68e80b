using Kocho.Core.Recipes;
using Xunit;

namespace Kocho.Tests.Recipes;

public sealed class RecipeParsingTests
{
    private static readonly Dictionary<string, string?> Variables = new() { ["DemoPassword"] = "p\"ass\\word" };

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var recipe = Recipe.Parse("""
            {
              // comment
              "name": "x", "displayName": "エックス",
              "steps": [ { "name": "a" }, ],
            }
            """, "x.recipe.json", Variables);
        Assert.Equal("x", recipe.Name);
        Assert.Equal("エックス", recipe.DisplayName);
        Assert.Single(recipe.Steps);
    }

    [Fact]
    public void Variables_are_inserted_as_json_strings()
    {
        var recipe = Recipe.Parse("""{ "name": "x", "steps": [ { "name": "users", "password": "${DemoPassword}" } ] }""", "x", Variables);
        Assert.Equal("p\"ass\\word", recipe.Steps[0].GetProperty("password").GetString());
    }

    [Fact]
    public void A_missing_variable_names_the_setting_to_set()
    {
        var error = Assert.Throws<RecipeException>(() =>
            Recipe.Parse("""{ "name": "x", "steps": [ { "p": "${AdminSecret}" } ] }""", "x.recipe.json", Variables));
        Assert.Equal("レシピ x.recipe.json が使う変数 ${AdminSecret} が設定されていません（Kocho:Setup:AdminSecret）。", error.Message);
    }

    [Fact]
    public void A_recipe_needs_a_name_and_steps()
    {
        var error = Assert.Throws<RecipeException>(() => Recipe.Parse("""{ "steps": [] }""", "x.recipe.json", Variables));
        Assert.Equal("レシピ x.recipe.json には \"name\" と \"steps\" が必要です。", error.Message);
    }

    [Theory]
    [InlineData("shinjuku")]
    [InlineData("demo-staff")]
    [InlineData("demo")]
    public void The_shipped_recipes_parse(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "recipes", name + ".recipe.json");
        var recipe = Recipe.Parse(File.ReadAllText(path), path, Variables);
        Assert.Equal(name, recipe.Name);
        Assert.NotEmpty(recipe.Steps);
    }
}
