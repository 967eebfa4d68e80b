using Kocho.Api.Keys;
using Kocho.Core.Departments;
using Kocho.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Api.Areas.Kocho.Api.Pages.Admin;

/// <summary>APIキー: administrators issue a key per integration (shown once), with scopes and a department limit, and revoke it.</summary>
[Authorize(Policy = Permissions.ManageApiKeysName)]
public sealed class KeysModel(ApiKeyService keys, DepartmentDirectory departments) : PageModel
{
    [BindProperty]
    public ApiKeyInput Input { get; set; } = new();

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Department> Departments { get; private set; } = new Dictionary<Guid, Department>();
    public string? IssuedSecret { get; private set; }
    public bool Revoked { get; private set; }

    public async Task OnGetAsync(bool revoked, CancellationToken cancellationToken)
    {
        Revoked = revoked;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (errors, issued) = await keys.CreateAsync(Input, $"{User.DisplayName()} ({User.Identity?.Name})", cancellationToken);
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
        if (issued is not null)
        {
            // The one moment the key exists in clear: shown on this response only, never stored.
            IssuedSecret = issued.Secret;
            Input = new ApiKeyInput();
            ModelState.Clear();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) ? Redirect("/admin/api/keys?revoked=true") : NotFound();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Keys = await keys.AllAsync(cancellationToken);
        Departments = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id);
    }
}
