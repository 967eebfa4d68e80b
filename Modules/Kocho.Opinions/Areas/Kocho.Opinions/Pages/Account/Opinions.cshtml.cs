using System.Security.Claims;
using Kocho.Core.Security;
using Kocho.Opinions.Answers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Account;

/// <summary>お問い合わせ履歴: a signed-in resident's own cases with their status and web answers.</summary>
[Authorize]
public sealed class OpinionsModel(AnswerAccess access) : PageModel
{
    public IReadOnlyList<PublicCaseView> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(StaffPrincipal.KindClaim) != "Resident" || User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            return Redirect("/account/login");
        Cases = await access.OfResidentAsync(userId, cancellationToken);
        return Page();
    }
}
