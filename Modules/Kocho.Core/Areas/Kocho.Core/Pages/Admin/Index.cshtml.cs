using Kocho.Core.Navigation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin;

/// <summary>The staff dashboard: the functions this user may use.</summary>
public sealed class IndexModel(AdminNavigation navigation) : PageModel
{
    public string UserName { get; private set; } = "";
    public IReadOnlyList<AdminMenuItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        UserName = User.FindFirst("kocho:name")?.Value ?? User.Identity?.Name ?? "";
        Items = (await navigation.ItemsForAsync(User)).Where(i => i.Url != "/admin").ToList();
    }
}
