namespace Kocho.Faq.Approval;

/// <summary>
/// One step of a department's approval route: its name (課長, 広聴担当課) and whose approvers act on it. The owner's own
/// step needs the approver permission; a later step of another department (広聴担当課) also accepts the step permission.
/// </summary>
public sealed record FaqApprovalStep(string Name, Guid DepartmentId, bool OwnerStep);
