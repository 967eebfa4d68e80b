namespace Kocho.Core.Navigation;

/// <summary>One entry of the staff navigation. Text is Japanese and goes through localization.</summary>
public sealed record AdminMenuItem(string Text, string Url, string? Permission, int Order = 100, string Group = "");
