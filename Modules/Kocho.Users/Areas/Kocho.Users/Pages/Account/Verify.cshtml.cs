using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

[AllowAnonymous]
public sealed class VerifyModel(ResidentAccounts accounts) : PageModel
{
    public bool Verified { get; private set; }

    public async Task OnGetAsync(string? userId, string? token, CancellationToken cancellationToken) =>
        Verified = userId is not null && token is not null && await accounts.VerifyAsync(userId, token, cancellationToken);
}
