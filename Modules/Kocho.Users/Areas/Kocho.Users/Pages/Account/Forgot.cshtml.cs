using Kocho.Core.Web.RateLimiting;
using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

/// <summary>Forgotten password: the same answer whether or not the address has an account.</summary>
[AllowAnonymous]
[RateLimited(RateLimitPolicies.PasswordReset)]
public sealed class ForgotModel(ResidentAccounts accounts) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var email = ResidentDetails.Email(Email, out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Email), error);
            return Page();
        }
        await accounts.RequestPasswordResetAsync(email!, cancellationToken);
        Sent = true;
        return Page();
    }
}
