using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>承認依頼: a department submitted its draft answer to its approver. Published after commit; ids only, no personal data.</summary>
public sealed record AnswerSubmitted(Guid CaseId, Guid AnswerId, Guid? DepartmentId) : IDomainEvent;
