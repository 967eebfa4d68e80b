using Kocho.Core.Events;

namespace Kocho.Faq.Events;

/// <summary>A version is now on the site (公開 and inside its publish window): the search index adds it.</summary>
public sealed record FaqPublished(Guid EntryId, int Number, Guid VersionId) : IDomainEvent;
