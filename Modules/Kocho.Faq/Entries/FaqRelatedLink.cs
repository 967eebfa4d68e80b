namespace Kocho.Faq.Entries;

/// <summary>関連リンク: a title and an http(s) address, one per line of <see cref="FaqVersion.RelatedLinks"/> (「タイトル https://…」).</summary>
public sealed record FaqRelatedLink(string Title, string Url)
{
    public static IReadOnlyList<FaqRelatedLink> Parse(string? lines)
    {
        var result = new List<FaqRelatedLink>();
        foreach (var line in (lines ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.LastIndexOf("http", StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var url = line[at..].Trim();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) continue;
            var title = line[..at].Trim();
            result.Add(new FaqRelatedLink(title.Length == 0 ? url : title, url));
        }
        return result;
    }

    /// <summary>Line numbers (1-based) that are not 「タイトル https://…」.</summary>
    public static IReadOnlyList<int> BadLines(string? lines)
    {
        var bad = new List<int>();
        var number = 0;
        foreach (var line in (lines ?? "").Split('\n'))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            if (Parse(line).Count == 0) bad.Add(number);
        }
        return bad;
    }
}
