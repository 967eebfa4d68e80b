using Kocho.Core.Events;

namespace Kocho.Core.Mail;

/// <summary>Published by the outbox; after the commit it wakes this node's <see cref="MailSender"/>.</summary>
public sealed record MailEnqueued(Guid MailId) : IDomainEvent;
