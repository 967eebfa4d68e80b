using Kocho.Users.Accounts;
using Kocho.Users.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Users;

/// <summary>職員の一覧: search by login ID or name, filter by role; each row leads to the member's page.</summary>
[Authorize(Policy = Permissions.ManageUsersName)]
public sealed class IndexModel(StaffAccounts accounts, DepartmentChoices departments, UsersDbContext db) : PageModel
{
    public sealed record RoleOption(string Name, string DisplayName);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<StaffAccounts.StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<RoleOption> Roles { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();

    public string RoleName(string role) => Roles.FirstOrDefault(r => r.Name == role)?.DisplayName ?? role;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = (await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken))
            .Select(r => new RoleOption(r.Name ?? "", r.DisplayName)).ToList();
        Staff = await accounts.SearchAsync(Q, Role, cancellationToken);
        DepartmentNames = await departments.PathsAsync(cancellationToken);
    }
}
