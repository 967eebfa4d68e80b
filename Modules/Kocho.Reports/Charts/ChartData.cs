namespace Kocho.Reports.Charts;

/// <summary>What one chart shows, and its data table: labels along the axis, one or more named series of counts.</summary>
public sealed record ChartData(string Id, string Title, string Description, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

public enum ChartKind
{
    Bar,
    Line,
}
