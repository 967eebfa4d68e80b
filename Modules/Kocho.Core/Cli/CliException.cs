namespace Kocho.Core.Cli;

/// <summary>A verb that cannot do what was asked; the message becomes the one-line reason.</summary>
public sealed class CliException(string message) : Exception(message);
