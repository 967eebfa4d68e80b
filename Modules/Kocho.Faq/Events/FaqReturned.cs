using Kocho.Core.Events;

namespace Kocho.Faq.Events;

/// <summary>An approver returned a version to its editor (差戻し) with a comment.</summary>
public sealed record FaqReturned(Guid EntryId, int Number, Guid VersionId, Guid? EditorId, Guid OwnerDepartmentId, string Comment) : IDomainEvent;
