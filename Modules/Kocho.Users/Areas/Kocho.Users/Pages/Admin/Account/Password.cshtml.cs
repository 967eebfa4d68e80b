using Kocho.Core.Audit;
using System.ComponentModel.DataAnnotations;
using Kocho.Core.Data;
using Kocho.Users.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Account;

/// <summary>
/// パスワード変更 for every signed-in staff member; after an administrator set their password it is the only
/// page they can use until they choose their own. Open while a step is pending, hence no permission demanded.
/// </summary>
[AllowAnonymous]
public sealed class PasswordModel(UserManager<KochoUser> users, StaffAccounts accounts, StaffSignIn signIn, UnitOfWork unitOfWork, IAuditTrail audit, IStringLocalizer T) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "現在のパスワードを入力してください。")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "新しいパスワードを入力してください。")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "確認のため、新しいパスワードをもう一度入力してください。")]
        [Compare(nameof(NewPassword), ErrorMessage = "新しいパスワードと確認用のパスワードが一致しません。")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Required { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { Kind: UserKind.Staff } user) return Challenge();
        Required = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { Kind: UserKind.Staff } user) return Challenge();
        Required = user.MustChangePassword;
        if (!ModelState.IsValid) return Page();
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                await accounts.ChangeOwnPasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
                await audit.RecordAsync(new AuditEntry("user.password.changed", "User", user.Id), ct);
            }, cancellationToken);
        }
        catch (AccountException ex)
        {
            ModelState.Add(ex);
            return Page();
        }
        await signIn.RefreshAsync(user);
        if (Required)
        {
            return LocalRedirect("/admin");
        }
        Message = T["パスワードを変更しました。"];
        Input = new InputModel();
        ModelState.Clear();
        return Page();
    }
}
