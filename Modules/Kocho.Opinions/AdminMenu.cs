using Kocho.Core.Navigation;

namespace Kocho.Opinions;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
        [
            new("意見等", "/admin/opinions", Permissions.ViewCasesName, Order: 100),
            new("意見等の検索", "/admin/opinions/search", Permissions.ViewCasesName, Order: 101),
        ];
}
