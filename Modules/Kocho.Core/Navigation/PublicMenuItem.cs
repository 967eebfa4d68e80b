namespace Kocho.Core.Navigation;

/// <summary>A service a module offers residents: shown in the public header and on the home page.</summary>
public sealed record PublicMenuItem(string Text, string Url, string Description, int Order = 100);
