using System.Net;
using System.Text.RegularExpressions;

namespace Kocho.Tests.Infrastructure;

/// <summary>A browser-like HTTP client for one site: keeps cookies and posts forms with their antiforgery token.</summary>
public sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalClient(Uri baseAddress) : this(baseAddress, new CookieContainer()) { }

    /// <summary>A client on an existing cookie jar: the same browser on the other site of the host.</summary>
    public PortalClient(Uri baseAddress, CookieContainer cookies)
    {
        Cookies = cookies;
        _http = new HttpClient(new HttpClientHandler
        {
            CookieContainer = Cookies,
            AllowAutoRedirect = true,
            // Test hosts on https use a self-signed certificate made by the test.
            ServerCertificateCustomValidationCallback = (_, _, _, _) => baseAddress.Host == "127.0.0.1",
        })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<string> GetStringAsync(string path)
    {
        var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"GET {path} → {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Opens the page that holds the form (to get its token), then posts the fields to it.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null, string? handler = null) =>
        PostFieldsAsync(path, fields.Select(f => (f.Key, f.Value)), formPage, handler);

    /// <summary>Like <see cref="PostFormAsync"/>, for forms where a name repeats (checkboxes).</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string path, IEnumerable<(string Name, string Value)> fields, string? formPage = null, string? handler = null)
    {
        var page = await GetStringAsync(formPage ?? path);
        var token = AntiforgeryToken(page) ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? path}");
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        var target = handler is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}handler={handler}";
        return await _http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static string? AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
