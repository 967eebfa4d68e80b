using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Departments;

/// <summary>Read access to the organisation tree for other modules (they never query Core's tables themselves).</summary>
public sealed class DepartmentDirectory(CoreDbContext db)
{
    public Task<Department?> FindByCodeAsync(string code, CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);

    public Task<Department?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Department>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(cancellationToken);
}
