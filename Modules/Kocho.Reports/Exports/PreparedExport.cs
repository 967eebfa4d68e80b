namespace Kocho.Reports.Exports;

/// <summary>
/// A CSV export prepared in the background for one staff member: its request, progress (rows written of the total), the
/// characters Shift_JIS could not hold, and when its encrypted content (<see cref="PreparedExportChunk"/>) is deleted.
/// </summary>
public sealed class PreparedExport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string ExportName { get; set; } = "";
    public string FileName { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Guid? DepartmentId { get; set; }
    public bool WithPersonalData { get; set; }
    public bool ShiftJis { get; set; }
    public string? Reason { get; set; }
    public PreparedExportState State { get; set; }
    public int Total { get; set; }
    public int Written { get; set; }
    public int ReplacedCharacters { get; set; }
    public int Chunks { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    public const int UserIdLength = 100;
    public const int ActorNameLength = 200;
    public const int NameLength = 50;
    public const int FileNameLength = 200;
    public const int ReasonLength = 200;
}
