using Kocho.Core.Web.RateLimiting;
using Kocho.Opinions.Answers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Opinions;

/// <summary>回答の確認: the sender reads the status and the web answer with the 受付番号 and access code (posted, never in a URL).</summary>
[AllowAnonymous]
[RateLimited(RateLimitPolicies.PublicForm)]
public sealed class AnswerModel(AnswerAccess access) : PageModel
{
    [BindProperty] public string? ReceiptNumber { get; set; }
    [BindProperty] public string? AccessCode { get; set; }

    public PublicCaseView? Case { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(ReceiptNumber)) ModelState.AddModelError(nameof(ReceiptNumber), "受付番号を入力してください。");
        if (string.IsNullOrWhiteSpace(AccessCode)) ModelState.AddModelError(nameof(AccessCode), "アクセスコードを入力してください。");
        if (!ModelState.IsValid) return Page();
        Case = await access.WithAccessCodeAsync(ReceiptNumber, AccessCode, cancellationToken);
        if (Case is null) ModelState.AddModelError("", "受付番号またはアクセスコードが正しくありません。");
        AccessCode = null;
        return Page();
    }
}
