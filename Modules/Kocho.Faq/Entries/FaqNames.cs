using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Entries;

/// <summary>Names of Core's categories (「大分類 / 中分類」) and departments as FAQ pages show them, read once per request.</summary>
public sealed class FaqNames(CoreDbContext core)
{
    private Dictionary<Guid, Kocho.Core.Categories.Category>? _categories;
    private Dictionary<Guid, Kocho.Core.Departments.Department>? _departments;

    public async Task<IReadOnlyDictionary<Guid, Kocho.Core.Categories.Category>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        _categories ??= await core.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, Kocho.Core.Departments.Department>> DepartmentsAsync(CancellationToken cancellationToken = default) =>
        _departments ??= await core.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);

    public async Task<string?> CategoryPathAsync(Guid? id, CancellationToken cancellationToken = default)
    {
        if (id is not { } categoryId) return null;
        var all = await CategoriesAsync(cancellationToken);
        if (!all.TryGetValue(categoryId, out var category)) return null;
        return category.ParentId is { } p && all.TryGetValue(p, out var parent) ? $"{parent.Name} / {category.Name}" : category.Name;
    }

    public async Task<string?> CategoryCodeAsync(Guid? id, CancellationToken cancellationToken = default) =>
        id is { } categoryId && (await CategoriesAsync(cancellationToken)).TryGetValue(categoryId, out var c) ? c.Code : null;

    public async Task<string?> DepartmentNameAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await DepartmentsAsync(cancellationToken)).TryGetValue(id, out var d) ? d.Name : null;

    public async Task<string?> DepartmentCodeAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await DepartmentsAsync(cancellationToken)).TryGetValue(id, out var d) ? d.Code : null;
}
