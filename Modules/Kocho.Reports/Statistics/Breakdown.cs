namespace Kocho.Reports.Statistics;

/// <summary>Counts by one dimension (受付媒体, 種別, …): overall and per month, largest first.</summary>
public sealed record Breakdown(string Key, string Title, IReadOnlyList<BreakdownRow> Rows);
