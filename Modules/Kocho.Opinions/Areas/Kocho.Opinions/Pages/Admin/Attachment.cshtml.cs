using Kocho.Opinions.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>Downloads a case's attachment (audited; 404 for a case the staff member may not see).</summary>
[Authorize(Policy = Permissions.ViewCasesName)]
public sealed class AttachmentModel(CaseQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var actor = CaseActor.From(User);
        if (!actor.Can(Permissions.ViewPersonalDataName)) return await queries.FindAsync(actor, id, cancellationToken) is null ? NotFound() : Forbid();
        try
        {
            var (fileName, contentType, content) = await queries.AttachmentAsync(actor, id, attachmentId, cancellationToken);
            return File(content, contentType, fileName);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
    }
}
