using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

[AllowAnonymous]
public sealed class ResetModel(ResidentAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "パスワードを入力してください。");
            return Page();
        }
        var errors = await accounts.ResetPasswordAsync(UserId ?? "", Token ?? "", Password, cancellationToken);
        if (errors.Count > 0)
        {
            ModelState.AddModelError(nameof(Password), string.Join(" ", errors));
            return Page();
        }
        Done = true;
        return Page();
    }
}
