namespace Kocho.Privacy.Incidents;

/// <summary>
/// 事故報告: a staff member's report of a suspected personal-data incident (特記事項 14). The description may name people,
/// so it is encrypted at rest; the rest is what administrators list.
/// </summary>
public sealed class IncidentReport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTime ReportedAt { get; set; }
    public string ReporterUserId { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public Guid? ReporterDepartmentId { get; set; }
    public IncidentKind Kind { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string Description { get; set; } = "";
    public string? ActionTaken { get; set; }

    public const int DescriptionLength = 4000;
}
