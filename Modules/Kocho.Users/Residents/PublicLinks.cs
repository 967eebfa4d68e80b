using Microsoft.Extensions.Configuration;

namespace Kocho.Users.Residents;

/// <summary>
/// Absolute links to the public site for mails: <c>Kocho:Public:BaseUrl</c>, else the first public listener.
/// Never the request's Host header, which a sender could forge to point a reset link elsewhere.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration)
{
    public Uri BaseUrl
    {
        get
        {
            var configured = configuration["Kocho:Public:BaseUrl"];
            if (string.IsNullOrWhiteSpace(configured))
            {
                configured = (configuration["Kocho:Public:Urls"] ?? "http://127.0.0.1:5000").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            }
            return new Uri(configured.TrimEnd('/') + "/");
        }
    }

    public string To(string path, IReadOnlyDictionary<string, string> query) =>
        new Uri(BaseUrl, path.TrimStart('/')) + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
}
