namespace Kocho.Reports.Charts;

/// <summary>Bars side by side, or lines with markers.</summary>
public enum ChartKind
{
    Bar,
    Line,
}
