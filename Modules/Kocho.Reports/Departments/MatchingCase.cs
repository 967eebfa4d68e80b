namespace Kocho.Reports.Departments;

/// <summary>A case of the analysis, linked to its staff page.</summary>
public sealed record MatchingCase(string ReceiptNumber, DateOnly ReceivedOn, string Kind, string Status, string Path);
