namespace Kocho.Core.Mail;

/// <summary>Where the sender hands mail over: an SMTP server, or the pickup folder when none is configured.</summary>
public interface IMailTransport
{
    /// <summary>Shown to administrators (e.g. by <c>mail test</c>), without credentials.</summary>
    string Description { get; }

    /// <summary>Opens a session for a batch (one SMTP connection); a failure here fails the whole batch.</summary>
    Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken);
}
