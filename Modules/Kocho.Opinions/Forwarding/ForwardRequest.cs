namespace Kocho.Opinions.Forwarding;

/// <summary>
/// A forwarding order: the 主管課 (null = keep the current one), any 関係課, the 回答期限 (null = the calendar's
/// default after receipt) and a comment for the departments.
/// </summary>
public sealed record ForwardRequest(Guid? LeadDepartmentId, IReadOnlyList<Guid> RelatedDepartmentIds, DateOnly? DueOn = null, string? Comment = null);
