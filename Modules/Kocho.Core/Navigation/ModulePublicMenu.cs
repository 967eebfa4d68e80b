namespace Kocho.Core.Navigation;

public sealed record ModulePublicMenu(string ModuleId, IPublicMenu Menu);
