using Kocho.Core.Events;

namespace Kocho.Faq.Events;

/// <summary>An entry left the site (公開停止 or its publish-to date passed): the search index drops it.</summary>
public sealed record FaqUnpublished(Guid EntryId, int Number) : IDomainEvent;
