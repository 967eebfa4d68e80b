using Kocho.Core.Data;
using Kocho.Core.Departments;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Recipes.Steps;

/// <summary>
/// <c>{ "name": "departments", "departments": [ { "code", "name", "level": "部|課|係", "children": [...] } ] }</c>.
/// Departments are matched by code, so running the step again updates names instead of duplicating.
/// </summary>
public sealed class DepartmentsStep(CoreDbContext db) : IRecipeStepHandler
{
    public string StepName => "departments";

    public sealed record Item(string Code, string Name, string? NameEn, string? Level, string? Phone,
        DateOnly? ValidFrom, DateOnly? ValidTo, List<Item>? Children);

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = context.Read<List<Item>>("departments");
        var existing = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        var seen = new HashSet<string>();
        var order = 0;
        foreach (var item in items) Upsert(item, null, DepartmentLevel.Division);
        await db.SaveChangesAsync(cancellationToken);

        void Upsert(Item item, Guid? parentId, DepartmentLevel defaultLevel)
        {
            if (string.IsNullOrWhiteSpace(item.Code) || string.IsNullOrWhiteSpace(item.Name))
            {
                throw new RecipeException("所属にはコードと名称が必要です。");
            }
            if (!seen.Add(item.Code))
            {
                throw new RecipeException($"所属コード {item.Code} が重複しています。");
            }
            var level = ParseLevel(item.Level, defaultLevel, item.Code);
            if (!existing.TryGetValue(item.Code, out var department))
            {
                department = new Department { Code = item.Code, Name = item.Name };
                db.Departments.Add(department);
                existing[item.Code] = department;
            }
            department.Name = item.Name;
            department.NameEn = item.NameEn;
            department.Level = level;
            department.ParentId = parentId;
            department.Phone = item.Phone;
            department.ValidFrom = item.ValidFrom;
            department.ValidTo = item.ValidTo;
            department.SortOrder = order++;
            foreach (var child in item.Children ?? [])
            {
                Upsert(child, department.Id, level == DepartmentLevel.Division ? DepartmentLevel.Section : DepartmentLevel.Unit);
            }
        }
    }

    private static DepartmentLevel ParseLevel(string? level, DepartmentLevel fallback, string code) => level switch
    {
        null or "" => fallback,
        "部" => DepartmentLevel.Division,
        "課" => DepartmentLevel.Section,
        "係" => DepartmentLevel.Unit,
        _ => throw new RecipeException($"所属 {code} の階層「{level}」は 部・課・係 のいずれかにしてください。"),
    };
}
