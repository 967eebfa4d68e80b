namespace Kocho.Core.Mail;

/// <summary>
/// Transactional outbox: a mail is stored in the same transaction as the change that causes it
/// (call inside <c>UnitOfWork.ExecuteAsync</c>) and sent later, exactly once, by the background sender.
/// </summary>
public interface IMailOutbox
{
    Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
