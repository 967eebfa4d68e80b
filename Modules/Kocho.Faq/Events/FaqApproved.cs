using Kocho.Core.Events;

namespace Kocho.Faq.Events;

/// <summary>One step approved a version; <c>Final</c> when this approval publishes it.</summary>
public sealed record FaqApproved(Guid EntryId, int Number, Guid VersionId, int Step, bool Final, Guid ApproverId) : IDomainEvent;
