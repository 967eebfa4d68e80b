using Kocho.Users.Residents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Users.Areas.Kocho.Users.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(ResidentSignIn signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
