using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>転送の返却: a department returned a forwarding that is not theirs. Published after commit; ids only, no personal data.</summary>
public sealed record ForwardingReturned(Guid CaseId, Guid ForwardingId, Guid DepartmentId) : IDomainEvent;
