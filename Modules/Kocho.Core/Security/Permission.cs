namespace Kocho.Core.Security;

/// <summary>A named right a module declares; roles hold permissions, pages and queries demand them.</summary>
public sealed record Permission(string Name, string Description, string? DescriptionEn = null);
