using Kocho.Core.Navigation;

namespace Kocho.Faq;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
        [new("FAQ", "/admin/faq", Permissions.ViewFaqName, Order: 200)];
}
