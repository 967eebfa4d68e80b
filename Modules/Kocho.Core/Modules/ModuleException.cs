namespace Kocho.Core.Modules;

/// <summary>A refused module change; the message is the Japanese sentence shown to the administrator.</summary>
public sealed class ModuleException(string message) : Exception(message);
