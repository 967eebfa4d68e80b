using System.Security.Claims;
using Kocho.Core.Navigation;
using Kocho.Core.Security;

namespace Kocho.Alerts.Inbox;

/// <summary>未読アラートの件数 in the staff header, linking to the inbox.</summary>
public sealed class UnreadAlertsBadge(AlertInbox inbox) : IHeaderBadge
{
    public async Task<HeaderBadge?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId || !user.HasPermission(Kocho.Core.Permissions.AccessStaffSiteName)) return null;
        return new HeaderBadge("未読アラート", await inbox.UnreadCountAsync(userId, cancellationToken), "/admin/alerts?unread=true", "alerts-unread");
    }
}
