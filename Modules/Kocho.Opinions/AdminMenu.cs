using Kocho.Core.Navigation;

namespace Kocho.Opinions;

public sealed class AdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
        [new("意見等", "/admin/opinions", Permissions.ViewCasesName, Order: 100)];
}
