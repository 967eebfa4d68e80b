namespace Kocho.Reports.Statistics;

/// <summary>One value of a dimension: its total and its count per month (202604 → n).</summary>
public sealed record BreakdownRow(string Label, int Count, IReadOnlyDictionary<int, int> ByMonth);
