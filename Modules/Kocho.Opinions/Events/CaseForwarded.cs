using Kocho.Core.Events;

namespace Kocho.Opinions.Events;

/// <summary>転送: a case was forwarded to a department (one event per department). Published after commit; ids only, no personal data.</summary>
public sealed record CaseForwarded(Guid CaseId, Guid ForwardingId, Guid DepartmentId, Kocho.Opinions.Forwarding.ForwardingRole Role, DateOnly DueOn) : IDomainEvent;
