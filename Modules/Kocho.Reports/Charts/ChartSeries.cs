namespace Kocho.Reports.Charts;

/// <summary>One named series of a chart (当年, 前年, 件数), one value per label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
