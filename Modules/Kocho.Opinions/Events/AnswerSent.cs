using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>回答の送信: the public-hearing section sent the answer to the resident. Published after commit; ids only, no personal data.</summary>
public sealed record AnswerSent(Guid CaseId, Guid AnswerId, Guid? DepartmentId, Kocho.Opinions.Cases.AnswerMethod Method) : IDomainEvent;
