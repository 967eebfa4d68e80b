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
}
