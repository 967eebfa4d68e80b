using Kocho.Core.Navigation;

namespace Kocho.Integrations;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Webhook", "/admin/integrations/webhooks", Permissions.ManageWebhooksName, Order: 840, Group: "管理"),
        new("区長へのメールの受信記録", "/admin/integrations/mailbox", Permissions.ViewMailboxLogName, Order: 845, Group: "管理"),
    ];
}
