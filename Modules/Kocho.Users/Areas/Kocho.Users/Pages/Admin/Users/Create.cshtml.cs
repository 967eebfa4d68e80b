using Kocho.Core.Audit;
using System.ComponentModel.DataAnnotations;
using Kocho.Core.Data;
using Kocho.Users.Accounts;
using Kocho.Users.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Users;

/// <summary>職員アカウントの作成: login ID, 氏名, 所属 from the department tree, roles and an initial password.</summary>
[Authorize(Policy = Permissions.ManageUsersName)]
public sealed class CreateModel(StaffAccounts accounts, DepartmentChoices departments, RolePermissions rolePermissions, UnitOfWork unitOfWork, IAuditTrail audit) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "ログインIDを入力してください。")]
        [StringLength(64, ErrorMessage = "ログインIDは64文字以内で入力してください。")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "氏名を入力してください。")]
        [StringLength(StaffAccounts.MaxNameLength, ErrorMessage = "氏名は100文字以内で入力してください。")]
        public string Name { get; set; } = "";

        public string? Department { get; set; }

        public List<string> Roles { get; set; } = [];

        [Required(ErrorMessage = "初期パスワードを入力してください。")]
        public string Password { get; set; } = "";

        public bool MustChangePassword { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<DepartmentChoices.Choice> Departments { get; private set; } = [];
    public IReadOnlyList<KochoRole> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Roles.Count == 0) ModelState.AddModelError("Input.Roles", "ロールを1つ以上選んでください。");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        try
        {
            var user = await unitOfWork.ExecuteAsync(async ct =>
            {
                var created = await accounts.CreateAsync(new StaffAccounts.NewStaff(
                    Input.Login, Input.Name, Input.Department, Input.Roles, Input.Password, MustChangePassword: Input.MustChangePassword), ct);
                await audit.RecordAsync(new AuditEntry("user.created", "User", created.Id,
                    $"login={created.UserName}; department={Input.Department}; roles={string.Join(",", Input.Roles)}"), ct);
                return created;
            }, cancellationToken);
            return Redirect($"/admin/users/{user.Id}?done=created");
        }
        catch (AccountException ex)
        {
            ModelState.Add(ex);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await departments.ListAsync(null, cancellationToken);
        Roles = await rolePermissions.AllRolesAsync(cancellationToken);
    }
}
