using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Versions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>版の比較: any two versions of one entry, line by line.</summary>
[Authorize(Policy = Permissions.ViewFaqName)]
public sealed class DiffModel(FaqService faq, FaqDbContext db, FaqNames names) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public int From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int To { get; set; }

    public IReadOnlyList<FaqDiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entry = await faq.FindInScopeAsync(Number, FaqActor.From(User), cancellationToken);
        if (entry is null) return NotFound();
        var versions = await db.Versions.AsNoTracking().Where(v => v.EntryId == entry.Id && (v.VersionNumber == From || v.VersionNumber == To)).ToListAsync(cancellationToken);
        var older = versions.FirstOrDefault(v => v.VersionNumber == From);
        var newer = versions.FirstOrDefault(v => v.VersionNumber == To);
        if (older is null || newer is null) return NotFound();
        Lines = FaqDiff.Compare(
            FaqDiff.Lines(older, await names.CategoryPathAsync(older.CategoryId, cancellationToken)),
            FaqDiff.Lines(newer, await names.CategoryPathAsync(newer.CategoryId, cancellationToken)));
        return Page();
    }
}
