using Kocho.Core.Navigation;

namespace Kocho.Integrations;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Webhook", "/admin/integrations/webhooks", Permissions.ManageWebhooksName, Order: 840, Group: "管理"),
    ];
}
