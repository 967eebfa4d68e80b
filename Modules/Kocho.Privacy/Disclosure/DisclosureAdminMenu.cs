using Kocho.Core.Navigation;

namespace Kocho.Privacy.Disclosure;

public sealed class DisclosureAdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("開示請求", "/admin/privacy/disclosure", DisclosurePermissions.DiscloseName, Order: 700, Group: "個人情報保護"),
    ];
}
