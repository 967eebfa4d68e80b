namespace Kocho.Core.Navigation;

public sealed record ModuleAdminMenu(string ModuleId, IAdminMenu Menu);
