using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>完了 or 回答不要: the case is closed. Published after commit; ids only, no personal data.</summary>
public sealed record CaseClosed(Guid CaseId, Guid? LeadDepartmentId, bool Answered) : IDomainEvent;
