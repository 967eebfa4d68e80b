using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Privacy.ProhibitedTerms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.ProhibitedTerms;

/// <summary>要配慮の語: the administrators' list of terms per prohibited category, one term a line; each change audited.</summary>
[Authorize(Policy = ProhibitedTermPermissions.ManageName)]
public sealed class IndexModel(ProhibitedTermList list, UnitOfWork unitOfWork, IAuditTrail audit) : PageModel
{
    /// <summary>Index in <see cref="ProhibitedTermList.Categories"/> → the terms, one a line.</summary>
    [BindProperty] public List<string?> Terms { get; set; } = [];

    public List<string> Errors { get; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var current = await list.GetAsync(cancellationToken);
        Terms = ProhibitedTermList.Categories.Select(c => (string?)string.Join("\n", current.GetValueOrDefault(c) ?? [])).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = ProhibitedTermList.Categories.Select((c, i) => (c, Lines(Terms.ElementAtOrDefault(i)))).ToDictionary(p => p.c, p => p.Item2);
        var (clean, errors) = ProhibitedTermList.Validate(input);
        if (errors.Count > 0)
        {
            Errors.AddRange(errors);
            return Page();
        }
        await unitOfWork.ExecuteAsync(async ct =>
        {
            await list.SaveAsync(clean, ct);
            await audit.RecordAsync(new AuditEntry("privacy.prohibited-terms.changed", "SiteSetting", ProhibitedTermList.SettingKey,
                string.Join(" ", clean.Select(p => $"{p.Key}={p.Value.Count}"))), ct);
        }, cancellationToken);
        return Redirect("/admin/privacy/prohibited-terms?saved=true");
    }

    private static IEnumerable<string> Lines(string? text) => (text ?? "").Split(['\n', '\r', '、', ','], StringSplitOptions.RemoveEmptyEntries);
}
