using System.Security.Claims;
using Kocho.Alerts.Preferences;
using Kocho.Alerts.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Alerts.Areas.Kocho.Alerts.Pages.Admin;

/// <summary>アラートの受け取り方: per kind, mail each time, the 8:30 digest on business days, or no mail (the inbox always shows it).</summary>
[Authorize(Policy = global::Kocho.Core.Permissions.AccessStaffSiteName)]
public sealed class PreferencesModel(AlertPreferences preferences) : PageModel
{
    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    public IReadOnlyDictionary<AlertKind, AlertDelivery> Current { get; private set; } = new Dictionary<AlertKind, AlertDelivery>();
    public bool Saved { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        Current = await preferences.ForAsync(UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parsed = new Dictionary<AlertKind, AlertDelivery>();
        foreach (var kind in AlertKinds.All)
        {
            if (!Choices.TryGetValue(kind.ToString(), out var value)) continue;
            if (!Enum.TryParse<AlertDelivery>(value, out var delivery) || !Enum.IsDefined(delivery) || int.TryParse(value, out _))
            {
                ModelState.AddModelError($"Choices[{kind}]", "受け取り方を選んでください。");
                continue;
            }
            parsed[kind] = delivery;
        }
        if (!ModelState.IsValid)
        {
            Current = await preferences.ForAsync(UserId, cancellationToken);
            return Page();
        }
        await preferences.SaveAsync(UserId, parsed, cancellationToken);
        return Redirect("/admin/alerts/preferences?saved=true");
    }
}
