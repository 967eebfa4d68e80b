namespace Kocho.Core.Setup;

/// <summary>What setup did; <see cref="GeneratedAdminPassword"/> is shown once and never stored in clear.</summary>
public sealed record SetupResult(string Recipe, string? GeneratedAdminPassword);
