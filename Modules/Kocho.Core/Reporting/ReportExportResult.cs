namespace Kocho.Core.Reporting;

/// <summary>Rows written (without the header) and characters Shift_JIS could not hold (written as 〓).</summary>
public sealed record ReportExportResult(int Rows, int ReplacedCharacters);
