using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Modules;
using Kocho.Core.Security;
using Kocho.Users.Accounts;
using Kocho.Users.Roles;
using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Roles;

/// <summary>
/// ロールと権限: every role with the permissions each enabled module declares, grouped by module, and whether
/// the role must sign in with two factors. Members see a change at their next request.
/// </summary>
[Authorize(Policy = Permissions.ManageUsersName)]
public sealed class IndexModel(
    RolePermissions rolePermissions, PermissionRegistry registry, ModuleCatalog catalog, TwoFactorPolicy twoFactorPolicy,
    UnitOfWork unitOfWork, IAuditTrail audit, IStringLocalizer T) : PageModel
{
    public sealed record PermissionGroup(string ModuleId, string ModuleName, IReadOnlyList<Permission> Permissions);
    public sealed record RoleView(KochoRole Role, IReadOnlySet<string> Held, bool TwoFactorRequired)
    {
        public bool IsAdministrator => Role.Name == StandardRoles.Administrator;
    }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public IReadOnlyList<PermissionGroup> Groups { get; private set; } = [];
    public IReadOnlyList<RoleView> Roles { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Saved is not null) Message = T["ロール「{0}」を保存しました。", Saved];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? role, List<string> permissions, bool requireTwoFactor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(role)) return BadRequest();
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                if (role != StandardRoles.Administrator)
                {
                    await rolePermissions.SetEnabledPermissionsAsync(role, permissions);
                }
                var required = (await twoFactorPolicy.RequiredRolesAsync(ct)).Where(r => r != role).ToList();
                if (requireTwoFactor) required.Add(role);
                var before = await twoFactorPolicy.RequiredRolesAsync(ct);
                await twoFactorPolicy.SetRequiredRolesAsync(required, ct);
                if (!before.Order().SequenceEqual(required.Order()))
                {
                    await audit.RecordAsync(new AuditEntry("settings.changed", "Setting", "Users.TwoFactorRequiredRoles", string.Join(",", required)), ct);
                }
            }, cancellationToken);
            return Redirect($"/admin/roles?saved={Uri.EscapeDataString(role)}#role-{Uri.EscapeDataString(role)}");
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var enabled = registry.Enabled().ToList();
        Groups = catalog.Modules
            .Select(m => new PermissionGroup(m.Id, m.Name, enabled.Where(p => p.ModuleId == m.Id).Select(p => p.Permission).ToList()))
            .Where(g => g.Permissions.Count > 0)
            .ToList();
        var required = await twoFactorPolicy.RequiredRolesAsync(cancellationToken);
        var roles = new List<RoleView>();
        foreach (var role in await rolePermissions.AllRolesAsync(cancellationToken))
        {
            var held = role.Name == StandardRoles.Administrator
                ? enabled.Select(p => p.Permission.Name).ToHashSet()
                : (await rolePermissions.PermissionsOfAsync(role)).ToHashSet();
            roles.Add(new RoleView(role, held, required.Contains(role.Name!)));
        }
        Roles = roles;
    }
}
