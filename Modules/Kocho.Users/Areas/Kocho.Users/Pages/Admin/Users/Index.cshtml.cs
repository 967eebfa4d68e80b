using Kocho.Core.Departments;
using Kocho.Core.Security;
using Kocho.Users.Accounts;
using Kocho.Users.Data;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Users;

/// <summary>Staff accounts and what each role may do (permissions of enabled modules only).</summary>
[Authorize(Policy = "Kocho.Users.ManageUsers")]
public sealed class IndexModel(UsersDbContext db, DepartmentDirectory departments, RolePermissions rolePermissions, PermissionRegistry registry, IStringLocalizer T) : PageModel
{
    public sealed record StaffRow(string Login, string Name, string Department, IReadOnlyList<string> Roles, bool Disabled);
    public sealed record RoleRow(string Name, string DisplayName, IReadOnlyList<string> Permissions);

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var departmentNames = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var roleNames = roles.ToDictionary(r => r.Id, r => r.DisplayName);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.Kind == UserKind.Staff).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        Staff = users.Select(u => new StaffRow(
            u.UserName ?? "",
            u.DisplayName,
            u.DepartmentId is { } id && departmentNames.TryGetValue(id, out var name) ? name : "",
            memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, "")).ToList(),
            u.IsDisabled)).ToList();

        var enabled = registry.Enabled().ToDictionary(p => p.Permission.Name, p => p.Permission.Description);
        var rows = new List<RoleRow>();
        foreach (var role in roles)
        {
            var held = await rolePermissions.PermissionsOfAsync(role);
            rows.Add(new RoleRow(role.Name ?? "", role.DisplayName, held.Where(enabled.ContainsKey).Select(p => T[enabled[p]].Value).ToList()));
        }
        Roles = rows;
    }
}
