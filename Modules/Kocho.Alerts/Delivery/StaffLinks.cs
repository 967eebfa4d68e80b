using Microsoft.Extensions.Configuration;

namespace Kocho.Alerts.Delivery;

/// <summary>
/// Absolute links to the staff site for alert mails: <c>Kocho:Staff:BaseUrl</c>, else the first staff listener — never a
/// request's Host header.
/// </summary>
public sealed class StaffLinks(IConfiguration configuration)
{
    public string To(string path)
    {
        var configured = configuration["Kocho:Staff:BaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = (configuration["Kocho:Staff:Urls"] ?? "http://127.0.0.1:5001").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        }
        return configured.TrimEnd('/') + "/" + path.TrimStart('/');
    }
}
