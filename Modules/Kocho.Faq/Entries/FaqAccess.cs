using Kocho.Core.Departments;
using Kocho.Faq.Approval;

namespace Kocho.Faq.Entries;

/// <summary>
/// Department isolation for FAQ entries: department staff edit and see the drafts of their own 所属 (a 係 counts for its 課) only;
/// the public-hearing section and administrators work on every department's. Queries filter with <see cref="ScopeAsync"/>.
/// </summary>
public sealed class FaqAccess(DepartmentDirectory departments)
{
    /// <summary>The departments whose entries the actor works on, or null for all of them.</summary>
    public async Task<IReadOnlySet<Guid>?> ScopeAsync(FaqActor actor, CancellationToken cancellationToken)
    {
        if (actor.Has(Permissions.EditAllFaqName)) return null;
        return await OwnDepartmentsAsync(actor, cancellationToken);
    }

    /// <summary>The actor's 所属 and, for a 係, the 課 above it.</summary>
    public async Task<IReadOnlySet<Guid>> OwnDepartmentsAsync(FaqActor actor, CancellationToken cancellationToken)
    {
        var result = new HashSet<Guid>();
        if (actor.DepartmentId is not { } id) return result;
        result.Add(id);
        var department = await departments.FindAsync(id, cancellationToken);
        if (department is { Level: DepartmentLevel.Unit, ParentId: { } parent }) result.Add(parent);
        return result;
    }

    public async Task<bool> CanEditAsync(FaqActor actor, Guid ownerDepartmentId, CancellationToken cancellationToken)
    {
        if (!actor.Has(Permissions.EditFaqName)) return false;
        var scope = await ScopeAsync(actor, cancellationToken);
        return scope is null || scope.Contains(ownerDepartmentId);
    }

    public async Task<bool> CanApproveAsync(FaqActor actor, FaqApprovalStep step, CancellationToken cancellationToken)
    {
        if (actor.System) return true;
        var allowed = actor.Has(Permissions.ApproveFaqName) || (!step.OwnerStep && actor.Has(Permissions.ApproveFaqStepName));
        return allowed && (await OwnDepartmentsAsync(actor, cancellationToken)).Contains(step.DepartmentId);
    }
}
