using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Users.Accounts;
using Kocho.Users.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Admin.Account;

/// <summary>
/// 2段階認証 with an authenticator app: pair it (QR code or shared key), confirm with a code, keep the recovery
/// codes shown once; later turn it off or get new recovery codes. Members whose role requires it land here
/// after signing in and can use nothing else until they have enrolled, hence no permission demanded.
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorModel(UserManager<KochoUser> users, StaffTwoFactor twoFactor, TwoFactorPolicy policy, StaffSignIn signIn, UnitOfWork unitOfWork, IAuditTrail audit, IStringLocalizer T) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public bool RequiredForMe { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync() is not { } user) return Challenge();
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async user =>
        {
            RecoveryCodes = await twoFactor.EnableAsync(user, Code ?? "");
            await audit.RecordAsync(new AuditEntry("user.twofactor.enabled", "User", user.Id));
            Message = T["2段階認証を有効にしました。"];
        }, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async user =>
        {
            await twoFactor.DisableAsync(user);
            await audit.RecordAsync(new AuditEntry("user.twofactor.disabled", "User", user.Id));
            Message = T["2段階認証を無効にしました。"];
        }, cancellationToken);

    public Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken) =>
        ChangeAsync(async user =>
        {
            RecoveryCodes = await twoFactor.RegenerateRecoveryCodesAsync(user);
            await audit.RecordAsync(new AuditEntry("user.twofactor.recoverycodes", "User", user.Id));
            Message = T["新しい回復コードを発行しました。これまでの回復コードは使えなくなりました。"];
        }, cancellationToken);

    /// <summary>One change in one transaction; then the member's own session is renewed (the change may renew the security stamp).</summary>
    private async Task<IActionResult> ChangeAsync(Func<KochoUser, Task> change, CancellationToken cancellationToken)
    {
        if (await CurrentAsync() is not { } user) return Challenge();
        try
        {
            await unitOfWork.ExecuteAsync(_ => change(user), cancellationToken);
            await signIn.RefreshAsync(user);
        }
        catch (AccountException ex)
        {
            user = (await CurrentAsync())!;
            RecoveryCodes = [];
            Message = null;
            if (ex.Field == "Code") ModelState.AddModelError(nameof(Code), ex.Message);
            else Error = ex.Message;
        }
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    private async Task<KochoUser?> CurrentAsync() =>
        await users.GetUserAsync(User) is { Kind: UserKind.Staff } user ? user : null;

    private async Task LoadAsync(KochoUser user, CancellationToken cancellationToken)
    {
        Enabled = user.TwoFactorEnabled;
        RequiredForMe = await policy.IsRequiredForAsync(await users.GetRolesAsync(user), cancellationToken);
        if (Enabled)
        {
            RecoveryCodesLeft = await twoFactor.RecoveryCodesLeftAsync(user);
            return;
        }
        var (setup, stampChanged) = await twoFactor.SetupAsync(user);
        if (stampChanged) await signIn.RefreshAsync(user);
        Setup = setup;
    }
}
