using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>差戻し: the approver or the public-hearing section returned the answer to the department. Published after commit; ids only, no personal data.</summary>
public sealed record AnswerReturned(Guid CaseId, Guid AnswerId, Guid? DepartmentId) : IDomainEvent;
