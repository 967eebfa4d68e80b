namespace Kocho.Core.Sites;

/// <summary><c>Kocho:Public:Urls</c> and <c>Kocho:Staff:Urls</c>: one listener set per site (';'-separated).</summary>
public sealed class SiteListenerOptions
{
    public string Urls { get; set; } = "";

    public IReadOnlyList<Uri> ParsedUrls() =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0")))
            .ToList();
}
