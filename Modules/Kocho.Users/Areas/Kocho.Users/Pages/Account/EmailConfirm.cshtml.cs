using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

[AllowAnonymous]
public sealed class EmailConfirmModel(ResidentAccounts accounts, ResidentSignIn signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? token, CancellationToken cancellationToken)
    {
        Changed = userId is not null && token is not null && await accounts.ConfirmEmailChangeAsync(userId, token, cancellationToken);
        if (Changed) await signIn.SignOutAsync();
    }
}
