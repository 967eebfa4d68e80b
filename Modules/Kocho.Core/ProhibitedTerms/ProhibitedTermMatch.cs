namespace Kocho.Core.ProhibitedTerms;

/// <summary>A term of the prohibited categories found in staff-entered text, and its category (e.g. 思想・信条・宗教).</summary>
public sealed record ProhibitedTermMatch(string Category, string Term);
