using Microsoft.Extensions.Configuration;

namespace Kocho.Opinions.Cases;

/// <summary>
/// Absolute links to the public site for mails: <c>Kocho:Public:BaseUrl</c>, else the first public listener — never the
/// request's Host header, which a sender could forge.
/// </summary>
public sealed class OpinionLinks(IConfiguration configuration)
{
    public string To(string path)
    {
        var configured = configuration["Kocho:Public:BaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = (configuration["Kocho:Public:Urls"] ?? "http://127.0.0.1:5000").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        }
        return configured.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
