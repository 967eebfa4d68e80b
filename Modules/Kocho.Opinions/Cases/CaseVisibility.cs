using Kocho.Opinions.Data;
using Kocho.Opinions.Forwarding;

namespace Kocho.Opinions.Cases;

/// <summary>
/// Department isolation, in the query: department staff see the cases forwarded (and not returned) to their 所属
/// and the ones they registered themselves; holders of ViewAllCases (広聴担当課) see all; others none.
/// </summary>
public static class CaseVisibility
{
    public static IQueryable<OpinionCase> VisibleTo(this IQueryable<OpinionCase> cases, CaseActor actor)
    {
        if (actor.SeesAll) return cases;
        if (!actor.Can(Permissions.ViewCasesName)) return cases.Where(_ => false);
        var department = actor.DepartmentId;
        var user = actor.UserId;
        return cases.Where(c =>
            (department != null && c.Forwardings.Any(f => f.DepartmentId == department && f.Status != ForwardingStatus.Returned))
            || (user != null && c.CreatedById == user));
    }

    /// <summary>
    /// The same cases as <see cref="VisibleTo"/>, written as "id in (forwarded to the 所属, union the ones the user
    /// registered)". Counting this reads the forwarding index and looks the cases up by key; counting
    /// <see cref="VisibleTo"/> probes the forwardings of every case in the table (seconds on a ward's ten years).
    /// Walking a sorted page is the other way round, so the case list counts with this and pages with that.
    /// </summary>
    public static IQueryable<OpinionCase> VisibleToByKey(this IQueryable<OpinionCase> cases, OpinionsDbContext db, CaseActor actor)
    {
        if (actor.SeesAll) return cases;
        if (!actor.Can(Permissions.ViewCasesName)) return cases.Where(_ => false);
        var department = actor.DepartmentId;
        var user = actor.UserId;
        IQueryable<Guid>? ids = null;
        if (department is not null)
        {
            ids = db.Forwardings.Where(f => f.DepartmentId == department && f.Status != ForwardingStatus.Returned).Select(f => f.CaseId);
        }
        if (user is not null)
        {
            var registered = db.Cases.Where(c => c.CreatedById == user).Select(c => c.Id);
            ids = ids is null ? registered : ids.Concat(registered);
        }
        return ids is null ? cases.Where(_ => false) : cases.Where(c => ids.Contains(c.Id));
    }

    /// <summary>Cases forwarded (and not returned) to <paramref name="departmentId"/>, as a key lookup (see <see cref="VisibleToByKey"/>).</summary>
    public static IQueryable<OpinionCase> ForwardedTo(this IQueryable<OpinionCase> cases, OpinionsDbContext db, Guid departmentId)
    {
        var ids = db.Forwardings.Where(f => f.DepartmentId == departmentId && f.Status != ForwardingStatus.Returned).Select(f => f.CaseId);
        return cases.Where(c => ids.Contains(c.Id));
    }
}
