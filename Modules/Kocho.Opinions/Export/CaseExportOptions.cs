namespace Kocho.Opinions.Export;

/// <summary>Which cases go into the export (受付日 range, a department's forwarded cases), whether personal data does, and why.</summary>
public sealed record CaseExportOptions(DateOnly? From = null, DateOnly? To = null, Guid? DepartmentId = null, bool WithPersonalData = false, bool ShiftJis = false, string? Reason = null);
