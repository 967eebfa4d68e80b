using Kocho.Core.Calendar;
using Kocho.Core.Departments;

namespace Kocho.Users.Accounts;

/// <summary>The 所属 tree (部 → 課 → 係) in tree order with each department's path, for a staff member's department field.</summary>
public sealed class DepartmentChoices(DepartmentDirectory departments, TimeProvider clock)
{
    public sealed record Choice(Guid Id, string Code, string Name, string Path, int Depth, bool ActiveToday);


    /// <summary>Departments valid today (Japan time), plus <paramref name="keep"/> (a member's current one, even if reorganised away).</summary>
    public async Task<IReadOnlyList<Choice>> ListAsync(Guid? keep = null, CancellationToken cancellationToken = default) =>
        (await TreeAsync(cancellationToken)).Where(c => c.ActiveToday || c.Id == keep).ToList();

    /// <summary>Every department's path (「区長室 / 広聴担当課」), also of departments no longer valid.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PathsAsync(CancellationToken cancellationToken = default) =>
        (await TreeAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Path);

    private async Task<IReadOnlyList<Choice>> TreeAsync(CancellationToken cancellationToken)
    {
        var all = await departments.AllAsync(cancellationToken);
        var today = JapanTime.Today(clock);
        var ids = all.Select(d => d.Id).ToHashSet();
        var byParent = all.ToLookup(d => d.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var result = new List<Choice>();
        Add(null, 0, "");
        return result;

        void Add(Guid? parent, int depth, string path)
        {
            foreach (var department in byParent[parent].OrderBy(d => d.SortOrder).ThenBy(d => d.Code, StringComparer.Ordinal))
            {
                var here = path.Length == 0 ? department.Name : path + " / " + department.Name;
                result.Add(new Choice(department.Id, department.Code, department.Name, here, depth, department.IsActiveOn(today)));
                Add(department.Id, depth + 1, here);
            }
        }
    }
}
