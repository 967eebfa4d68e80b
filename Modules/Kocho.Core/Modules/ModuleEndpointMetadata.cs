namespace Kocho.Core.Modules;

/// <summary>Stamped on every endpoint a module contributes, so routing can hide it while the module is disabled.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
