using MimeKit;

namespace Kocho.Core.Mail;

/// <summary>One batch's way to the transport (one SMTP connection); disposed after the batch.</summary>
public interface IMailTransportSession : IAsyncDisposable
{
    /// <summary>Returns once the server has accepted the message (or the file is in place).</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
