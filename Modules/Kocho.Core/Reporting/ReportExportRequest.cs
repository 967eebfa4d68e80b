namespace Kocho.Core.Reporting;

/// <summary>
/// 受付日 range, a department's cases only, personal-data columns, Shift_JIS (CP932) instead of UTF-8 with BOM, and why a
/// personal-data export is made (特記事項 8: written to the audit trail with who, when and how many records).
/// </summary>
public sealed record ReportExportRequest(DateOnly? From = null, DateOnly? To = null, Guid? DepartmentId = null, bool WithPersonalData = false, bool ShiftJis = false, string? Reason = null);
