using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kocho.Core.Mail;

/// <summary>Sends through the configured SMTP server with MailKit: one connection per batch.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public string Description => $"SMTP {Smtp.Host}:{Smtp.EffectivePort} ({Smtp.Security})";

    public async Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)Smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(Smtp.Host!.Trim(), Smtp.EffectivePort, Smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            }, cancellationToken);
            if (!string.IsNullOrWhiteSpace(Smtp.UserName))
            {
                await client.AuthenticateAsync(Smtp.UserName, Smtp.Password ?? "", cancellationToken);
            }
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailTransportSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // every mail of the batch is already accounted for; a failed QUIT changes nothing
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
