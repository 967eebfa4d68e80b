namespace Kocho.Reports.Charts;

/// <summary>What one chart shows, and its data table: labels along the axis, one or more named series of counts.</summary>
public sealed record ChartData(string Id, string Title, string Description, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);
