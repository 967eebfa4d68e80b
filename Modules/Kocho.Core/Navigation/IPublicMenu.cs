namespace Kocho.Core.Navigation;

public interface IPublicMenu
{
    IEnumerable<PublicMenuItem> GetItems();
}
