namespace Kocho.Migration.Legacy;

/// <summary>A whole file cannot be read (missing, wrong encoding, wrong header): nothing of the export is imported.</summary>
public sealed class LegacyFormatException(string message) : Exception(message);
