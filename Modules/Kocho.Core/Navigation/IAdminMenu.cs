namespace Kocho.Core.Navigation;

/// <summary>A module's <c>AdminMenu.cs</c>: its entries in the staff navigation, each guarded by a permission.</summary>
public interface IAdminMenu
{
    IEnumerable<AdminMenuItem> GetItems();
}
