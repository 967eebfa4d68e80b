using System.Net;
using System.Text.RegularExpressions;

namespace Kocho.Bench;

/// <summary>A browser-like client of one site: cookies, and forms posted with the antiforgery token of the page that holds them.</summary>
public sealed partial class WebClient : IDisposable
{
    private readonly HttpClient _http;

    public WebClient(Uri baseAddress)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Http => _http;

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} → {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        return body;
    }

    /// <summary>Posts the fields with the token read from <paramref name="page"/> (the HTML of the form's page).</summary>
    public async Task<(HttpStatusCode Status, string Body, string Path)> PostAsync(string path, string page, IEnumerable<(string Name, string Value)> fields)
    {
        var token = TokenPattern().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token for {path}");
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
        using var response = await _http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public async Task SignInStaffAsync(string login, string password)
    {
        var page = await GetStringAsync("/admin/login");
        var (_, body, path) = await PostAsync("/admin/login", page, [("Input.Login", login), ("Input.Password", password)]);
        if (path.StartsWith("/admin/login", StringComparison.Ordinal)) throw new InvalidOperationException($"Sign-in as {login} failed: {body[..Math.Min(500, body.Length)]}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
