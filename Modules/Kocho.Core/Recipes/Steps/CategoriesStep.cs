using Kocho.Core.Categories;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Recipes.Steps;

/// <summary><c>{ "name": "categories", "categories": [ { "code", "name", "children": [...] } ] }</c> — 大分類/中分類.</summary>
public sealed class CategoriesStep(CoreDbContext db) : IRecipeStepHandler
{
    public string StepName => "categories";

    public sealed record Item(string Code, string Name, string? NameEn, List<Item>? Children);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = context.Read<List<Item>>("categories");
        var existing = await db.Categories.ToDictionaryAsync(c => c.Code, cancellationToken);
        var seen = new HashSet<string>();
        var order = 0;
        foreach (var item in items) Upsert(item, null, 1);
        await db.SaveChangesAsync(cancellationToken);

        void Upsert(Item item, Guid? parentId, int depth)
        {
            if (string.IsNullOrWhiteSpace(item.Code) || string.IsNullOrWhiteSpace(item.Name))
            {
                throw new RecipeException("分類にはコードと名称が必要です。");
            }
            if (depth > 2)
            {
                throw new RecipeException($"分類 {item.Code} は大分類・中分類の2階層までです。");
            }
            if (!seen.Add(item.Code))
            {
                throw new RecipeException($"分類コード {item.Code} が重複しています。");
            }
            if (!existing.TryGetValue(item.Code, out var category))
            {
                category = new Category { Code = item.Code, Name = item.Name };
                db.Categories.Add(category);
                existing[item.Code] = category;
            }
            category.Name = item.Name;
            category.NameEn = item.NameEn;
            category.ParentId = parentId;
            category.SortOrder = order++;
            foreach (var child in item.Children ?? []) Upsert(child, category.Id, depth + 1);
        }
    }
}
