using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Users.Accounts;
using Kocho.Users.Roles;
using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Users;

/// <summary>
/// One staff member: edit name, 所属 and roles; set a new password (the member must change it at next
/// sign-in); disable or enable the account; reset two-factor sign-in. Each form is one change in one transaction.
/// </summary>
[Authorize(Policy = Permissions.ManageUsersName)]
public sealed class EditModel(
    StaffAccounts accounts, StaffTwoFactor twoFactor, UserManager<KochoUser> users, DepartmentChoices departments,
    RolePermissions rolePermissions, UnitOfWork unitOfWork, IAuditTrail audit, TimeProvider clock, IStringLocalizer T) : PageModel
{
    // Nullable on purpose: the checks (and their Japanese messages) are StaffAccounts', not MVC's implicit [Required].
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Department { get; set; }
        public List<string> Roles { get; set; } = [];
    }

    public sealed class PasswordInputModel
    {
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public InputModel Input { get; set; } = new();
    public PasswordInputModel PasswordInput { get; set; } = new();

    public KochoUser Member { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    public bool LockedOut { get; private set; }
    public IReadOnlyList<DepartmentChoices.Choice> Departments { get; private set; } = [];
    public IReadOnlyList<KochoRole> Roles { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(Id, cancellationToken) is not { } member) return NotFound();
        var code = member.DepartmentId is { } id ? (await departments.ListAsync(id, cancellationToken)).FirstOrDefault(d => d.Id == id)?.Code : null;
        Input = new InputModel { Name = member.DisplayName, Department = code, Roles = [.. await users.GetRolesAsync(member)] };
        Message = Done switch
        {
            "created" => T["職員アカウントを作成しました。"].Value,
            "saved" => T["保存しました。"].Value,
            "password" => T["パスワードを設定しました。次回のログインで、本人による変更が必要です。"].Value,
            "disabled" => T["アカウントを無効にしました。この職員はログインできず、ログイン中の画面も終了します。"].Value,
            "enabled" => T["アカウントを有効にしました。"].Value,
            "two-factor" => T["2段階認証をリセットしました。次回のログインで、認証アプリの設定からやり直します。"].Value,
            _ => null,
        };
        return await ShowAsync(member, cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Input, "Input");
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "ロールを1つ以上選んでください。");
            return await ShowAsync(cancellationToken);
        }
        return await ChangeAsync(ct => accounts.UpdateAsync(Id, new StaffAccounts.StaffChange(Input.Name ?? "", Input.Department, Input.Roles), ct), "saved", "Input", cancellationToken);
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(PasswordInput, "PasswordInput");
        if (string.IsNullOrEmpty(PasswordInput.NewPassword))
        {
            ModelState.AddModelError("PasswordInput.NewPassword", "新しいパスワードを入力してください。");
        }
        else if (PasswordInput.NewPassword != PasswordInput.ConfirmPassword)
        {
            ModelState.AddModelError("PasswordInput.ConfirmPassword", "新しいパスワードと確認用のパスワードが一致しません。");
        }
        if (ModelState.ErrorCount > 0) return await ShowAsync(cancellationToken);
        return await ChangeAsync(ct => accounts.ResetPasswordAsync(Id, PasswordInput.NewPassword!, ct), "password", "PasswordInput", cancellationToken);
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(ct => accounts.DisableAsync(Id, users.GetUserId(User)!, ct), "disabled", null, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(ct => accounts.EnableAsync(Id, ct), "enabled", null, cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async ct =>
        {
            var member = await accounts.FindAsync(Id, ct) ?? throw new AccountException("この職員アカウントは見つかりません。");
            await twoFactor.ResetAsync(member);
            return member;
        }, "two-factor", null, cancellationToken);

    private static readonly Dictionary<string, string> AuditActions = new()
    {
        ["saved"] = "user.updated",
        ["password"] = "user.password.reset",
        ["disabled"] = "user.disabled",
        ["enabled"] = "user.enabled",
        ["two-factor"] = "user.twofactor.reset",
    };

    /// <summary>Runs one change and its audit record in one transaction; a refusal is shown beside its input and nothing is saved.</summary>
    private async Task<IActionResult> ChangeAsync(Func<CancellationToken, Task<KochoUser>> change, string done, string? prefix, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                var member = await change(ct);
                // Who changed whom and how; never the password itself.
                var details = done == "saved" ? $"department={Input.Department}; roles={string.Join(",", Input.Roles)}" : null;
                await audit.RecordAsync(new AuditEntry(AuditActions[done], "User", member.Id, details), ct);
                return member;
            }, cancellationToken);
            return Redirect($"/admin/users/{Uri.EscapeDataString(Id)}?done={done}");
        }
        catch (AccountException ex)
        {
            if (prefix is not null) ModelState.Add(ex, prefix);
            else ModelState.AddModelError("", ex.Message);
            return await ShowAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken) =>
        await accounts.FindAsync(Id, cancellationToken) is { } member ? await ShowAsync(member, cancellationToken) : NotFound();

    private async Task<IActionResult> ShowAsync(KochoUser member, CancellationToken cancellationToken)
    {
        Member = member;
        IsSelf = member.Id == users.GetUserId(User);
        LockedOut = member.LockoutEnd is { } end && end > clock.GetUtcNow();
        Departments = await departments.ListAsync(member.DepartmentId, cancellationToken);
        Roles = await rolePermissions.AllRolesAsync(cancellationToken);
        return Page();
    }
}
