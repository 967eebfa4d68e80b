using Kocho.Users.Accounts;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

public sealed class EditModel(UserManager<KochoUser> users, ResidentAccounts accounts) : ResidentPageModel(users, accounts)
{
    [BindProperty] public ResidentForm Form { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        Form = ResidentForm.Of(current.Profile);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } current) return Challenge();
        ModelState.Clear();
        var (details, errors) = Form.Check();
        foreach (var (field, message) in errors) ModelState.AddModelError($"{nameof(Form)}.{field}", message);
        if (!ModelState.IsValid) return Page();
        await Accounts.UpdateAsync(current.User.Id, details!, cancellationToken);
        Notice = "登録内容を変更しました。";
        return Redirect("/account");
    }
}
