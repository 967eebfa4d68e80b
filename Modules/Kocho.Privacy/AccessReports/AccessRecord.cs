namespace Kocho.Privacy.AccessReports;

/// <summary>One view or export of personal records, as the audit trail has it: who, when, what kind of access, which record(s), how many.</summary>
public sealed record AccessRecord(long Sequence, DateTime At, string ActorName, string? ActorId, string Action, string Label, string EntityType, string? EntityId, int? Rows, string? Details);
