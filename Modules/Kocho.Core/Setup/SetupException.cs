namespace Kocho.Core.Setup;

public sealed class SetupException(string message, Exception? inner = null) : Exception(message, inner);
