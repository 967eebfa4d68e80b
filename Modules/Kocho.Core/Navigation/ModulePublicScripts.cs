namespace Kocho.Core.Navigation;

public sealed record ModulePublicScripts(string ModuleId, IPublicScripts Scripts);
