using Kocho.Core.Navigation;

namespace Kocho.Privacy.ProhibitedTerms;

public sealed class ProhibitedTermsAdminMenu : IAdminMenu
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("要配慮の語", "/admin/privacy/prohibited-terms", ProhibitedTermPermissions.ManageName, Order: 906),
    ];
}
