using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>承認: the department's approver approved the draft answer. Published after commit; ids only, no personal data.</summary>
public sealed record AnswerApproved(Guid CaseId, Guid AnswerId, Guid? DepartmentId) : IDomainEvent;
