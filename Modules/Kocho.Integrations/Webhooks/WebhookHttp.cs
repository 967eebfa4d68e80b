using System.Net.Security;
using Microsoft.Extensions.Options;

namespace Kocho.Integrations.Webhooks;

/// <summary>The one HTTP client of the webhook sender: HTTPS trust with pinned thumbprints, no redirects, a short timeout.</summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(IOptions<WebhooksOptions> options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.Value.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = PinnedCertificates.Validator(options.Value.TrustedThumbprints),
            },
        };
        Client = new HttpClient(handler) { Timeout = options.Value.Timeout };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("Kocho-Webhooks/1.0");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
