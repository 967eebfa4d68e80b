using System.Text.Json;
using Kocho.Core.Data;
using Kocho.Core.Recipes;
using Kocho.Faq.Entries;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Recipes;

/// <summary>
/// <c>{ "name": "faqEntries", "file": "demo/faq-entries.json" }</c> — published FAQ entries from a JSON file beside the recipes
/// (<c>[ { "number", "category", "subcategory", "question", "answer", "keywords": [], "department", "visibility": "公開"|"内部" } ]</c>,
/// categories by name). An entry whose number exists is left as it is.
/// </summary>
public sealed class FaqEntriesStep(RecipeLocator locator, FaqService faq, Data.FaqDbContext db, CoreDbContext core) : IRecipeStepHandler
{
    public string StepName => "faqEntries";

    public sealed record Item(int? Number, string? Category, string? Subcategory, string? Question, string? Answer, List<string>? Keywords, string? Department, string? Visibility);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var file = context.Read<string>("file");
        var path = Path.IsPathRooted(file) ? file : locator.Folders().Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(path)) throw new RecipeException($"FAQファイル「{file}」が見つかりません。");
        List<Item> items;
        try
        {
            await using var stream = File.OpenRead(path);
            items = await JsonSerializer.DeserializeAsync<List<Item>>(stream, Recipe.JsonOptions, cancellationToken) ?? [];
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"FAQファイル「{file}」の形式が正しくありません（{ex.Path}）。");
        }
        var categories = await core.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var existing = (await db.Entries.AsNoTracking().Select(e => e.Number).ToListAsync(cancellationToken)).ToHashSet();
        var actor = FaqActor.SystemActor("recipe:" + context.RecipeName);
        foreach (var item in items)
        {
            if (item.Number is { } n && existing.Contains(n)) continue;
            var top = categories.FirstOrDefault(c => c.ParentId is null && c.Name == item.Category);
            var sub = top is null ? null : categories.FirstOrDefault(c => c.ParentId == top.Id && c.Name == item.Subcategory);
            var input = new FaqInput
            {
                Question = item.Question, Answer = item.Answer, Category = (sub ?? top)?.Code, Department = item.Department,
                Keywords = string.Join('\n', item.Keywords ?? []),
                Visibility = item.Visibility == "内部" ? FaqVisibility.Internal : FaqVisibility.Public,
            };
            try
            {
                var entry = await faq.CreateAsync(input, actor, cancellationToken);
                if (item.Number is { } number && number != entry.Number && !existing.Contains(number)) entry.Number = number;
                await db.SaveChangesAsync(cancellationToken);
                existing.Add(entry.Number);
                await faq.PublishDirectlyAsync(entry.Number, null, actor, cancellationToken);
            }
            catch (FaqValidationException ex)
            {
                throw new RecipeException($"FAQ {item.Number}: {ex.Message}");
            }
        }
    }
}
