using System.Security.Claims;
using Kocho.Core.Security;

namespace Kocho.Faq.Entries;

/// <summary>Who acts on an entry: a signed-in staff member, or the command line / a recipe (which act with every FAQ permission).</summary>
public sealed record FaqActor(Guid? Id, string Name, Guid? DepartmentId, IReadOnlySet<string> Permissions, bool System = false)
{
    public bool Has(string permission) => System || Permissions.Contains(permission);

    public static FaqActor From(ClaimsPrincipal user) => new(
        user.UserId(), user.DisplayName(), user.DepartmentId(),
        user.FindAll(StandardRoles.PermissionClaim).Select(c => c.Value).ToHashSet());

    public static FaqActor SystemActor(string name) => new(null, name, null, new HashSet<string>(), System: true);
}
