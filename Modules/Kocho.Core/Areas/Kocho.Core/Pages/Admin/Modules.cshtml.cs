using Kocho.Core.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kocho.Core.Areas.Kocho.Core.Pages.Admin;

/// <summary>機能管理: lists modules with enable/disable; refusals are shown as the manager words them.</summary>
[Authorize(Policy = Permissions.ManageModulesName)]
public sealed class ModulesModel(ModuleCatalog catalog, EnabledModules enabled, ModuleManager manager, IStringLocalizer T) : PageModel
{
    public IReadOnlyList<ModuleDescriptor> Modules => catalog.Modules;
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public bool IsEnabled(string id) => enabled.IsEnabled(id);

    public string NameOf(string id) => catalog.Find(id)?.Name ?? id;

    public void OnGet() { }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var now = await manager.EnableAsync(id, cancellationToken);
            Message = T["有効にしました: {0}", string.Join("、", now.Select(m => T[m.Name].Value))];
        }
        catch (ModuleException ex)
        {
            (Message, IsError) = (T[ex.Message], true);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await manager.DisableAsync(id, cancellationToken);
            Message = T["無効にしました: {0}", T[NameOf(id)].Value];
        }
        catch (ModuleException ex)
        {
            (Message, IsError) = (T[ex.Message], true);
        }
        return Page();
    }
}
