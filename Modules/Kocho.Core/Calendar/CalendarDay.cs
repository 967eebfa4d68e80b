namespace Kocho.Core.Calendar;

/// <summary>A stored 例外日: a closure day or extra holiday an administrator added (future law changes need no release).</summary>
public sealed class CalendarDay
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Date { get; set; }
    public CalendarExceptionKind Kind { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}
