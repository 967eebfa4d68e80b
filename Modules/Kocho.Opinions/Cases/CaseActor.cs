using System.Security.Claims;
using Kocho.Core.Security;

namespace Kocho.Opinions.Cases;

/// <summary>
/// Who acts on a case: account, name, 所属 and permissions. Built from the signed-in staff member, or given by a
/// recipe step or the public form, so the services check rights and isolate departments the same way for all.
/// </summary>
public sealed record CaseActor(Guid? UserId, string Name, Guid? DepartmentId, IReadOnlySet<string> Permissions)
{
    public static CaseActor From(ClaimsPrincipal user) => new(
        user.UserId(),
        user.DisplayName(),
        user.DepartmentId(),
        user.FindAll(StandardRoles.PermissionClaim).Select(c => c.Value).ToHashSet());

    /// <summary>A person on the public site (guest or resident): no staff rights.</summary>
    public static CaseActor Public(string name) => new(null, name, null, new HashSet<string>());

    /// <summary>Recipes and the CLI: every right of the module.</summary>
    public static CaseActor System(string name, Guid? departmentId = null) =>
        new(null, name, departmentId, new Permissions().GetPermissions().Select(p => p.Name).ToHashSet()) { IsSystem = true };

    /// <summary>A recipe or the CLI: may act for any department (an approver otherwise approves only their own).</summary>
    public bool IsSystem { get; init; }

    public bool Can(string permission) => Permissions.Contains(permission);

    public bool SeesAll => Can(Kocho.Opinions.Permissions.ViewAllCasesName);

    public void Demand(string permission)
    {
        if (!Can(permission)) throw new OpinionException("この操作を行う権限がありません。");
    }
}
