namespace Kocho.Core.Security;

/// <summary>A permission provider tied to the module that declared it.</summary>
public sealed record ModulePermissions(string ModuleId, IPermissionProvider Provider);
