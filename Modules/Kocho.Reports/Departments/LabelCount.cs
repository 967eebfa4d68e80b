namespace Kocho.Reports.Departments;

/// <summary>A label and how many cases it has.</summary>
public sealed record LabelCount(string Label, int Count);
