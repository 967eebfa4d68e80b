using Kocho.Core.Search.Synonyms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin.Search;

/// <summary>The search's 同義語 list, edited as text (one group per line); saved whole or not at all, effective for the next search.</summary>
[Authorize(Policy = Permissions.ManageSearchName)]
public sealed class SynonymsModel(SynonymStore store, IStringLocalizer T) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public int GroupCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var groups = await store.ReadAsync(cancellationToken);
        Text = SynonymList.Format(groups);
        GroupCount = groups.Count;
        if (TempData["synonyms-saved"] is true)
        {
            Message = T["同義語を保存しました。次の検索から反映されます。"];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (groups, errors) = SynonymList.Parse(Text);
        if (errors.Count > 0)
        {
            Errors = errors.Select(e => T[e.Message, e.Arguments].Value).ToList();
            GroupCount = (await store.ReadAsync(cancellationToken)).Count;
            return Page();
        }
        await store.ReplaceAsync(groups, cancellationToken);
        TempData["synonyms-saved"] = true;
        return RedirectToPage();
    }
}
