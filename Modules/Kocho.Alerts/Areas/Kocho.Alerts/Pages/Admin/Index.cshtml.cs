using System.Security.Claims;
using Kocho.Alerts.Inbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Alerts.Areas.Kocho.Alerts.Pages.Admin;

/// <summary>受信箱: the signed-in staff member's alerts, newest first; opening one marks it read and leads to its item.</summary>
[Authorize(Policy = global::Kocho.Core.Permissions.AccessStaffSiteName)]
public sealed class IndexModel(AlertInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }
    public int UnreadCount { get; private set; }
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Total, Alerts) = await inbox.ListAsync(UserId, Unread, PageNumber, cancellationToken);
        UnreadCount = await inbox.UnreadCountAsync(UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var alert = await inbox.MarkReadAsync(UserId, id, cancellationToken);
        return alert is null ? NotFound() : LocalRedirect(alert.Link);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        return await inbox.MarkReadAsync(UserId, id, cancellationToken) is null ? NotFound() : RedirectToPage(new { Unread });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(UserId, cancellationToken);
        return RedirectToPage(new { Unread });
    }
}
