using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Api.Areas.Kocho.Api.Pages.Admin;

/// <summary>APIリファレンス: the OpenAPI document as a page, served from this site (no CDN), where staff can try a GET with a key.</summary>
[Authorize(Policy = global::Kocho.Core.Permissions.AccessStaffSiteName)]
public sealed class ReferenceModel : PageModel
{
    public void OnGet() { }
}
