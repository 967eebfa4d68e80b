using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Kocho.Core.Sites;
using Kocho.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Kocho.Tests.Security;

/// <summary>
/// ASVS V5 (issue #11 item 3b): SQL-like, path-traversal, over-long and odd values in every query parameter of every GET
/// page and API the routing table holds — the parameters are read from the page models' GET-bound properties and
/// handler parameters and from the minimal APIs' delegates, so a new parameter is covered without editing this test.
/// No response may be a 5xx, show a stack trace, SQL error text or a file's contents, and the server logs no error.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class QueryParameterInjectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Each value is sent in every parameter at once; the first two also in each parameter alone.</summary>
    public static readonly string[] Payloads =
    [
        "' OR 1=1--",
        "../../../../etc/passwd",
        new string('あ', 3000),
        "%00",
        "1;DROP TABLE cases--",
        "..%2f..%2f..%2fetc%2fpasswd",
        "..\\..\\..\\windows\\win.ini",
        "-1",
        "99999999999999999999999",
        "2026-13-45",
        "\"unbalanced ( [a TO *:* ~~ \\",
        "\uD800",
    ];

    /// <summary>What must never reach a client: .NET stack frames, exception names, SQL errors, a passwd or win.ini file.</summary>
    [GeneratedRegex(@"\n\s+at [A-Z][\w.]+\.|Exception:|SQLite Error|SqliteException|Npgsql|PostgresException|syntax error at or near|no such (table|column)|near "".*"": syntax error|root:x:0:0|\[fonts\]|\[extensions\]", RegexOptions.IgnoreCase)]
    private static partial Regex Leak();

    private PortalHost _host = null!;
    private PortalClient _staff = null!;
    private PortalClient _public = null!;
    private string _apiKey = "";

    public async Task InitializeAsync()
    {
        _host = await PortalHost.StartCopyAsync("demo-staff");
        _setupErrors = _host.Log.Errors.Count();
        _staff = await _host.SignedInStaffAsync();
        _public = _host.PublicClient();
        var issued = await _staff.PostFieldsAsync("/admin/api/keys",
            [("Input.Name", "注入試験"), ("Input.DepartmentCode", ""), ("Input.RequestsPerMinute", "10000"),
             ("Input.Scopes", "cases:read"), ("Input.Scopes", "cases:personal"), ("Input.Scopes", "faq:read"), ("Input.Scopes", "open311:write")]);
        _apiKey = IssuedKey().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEqual("", _apiKey);
    }

    /// <summary>Errors logged since the site was set up (on PostgreSQL the setup logs EF's probes for migration tables that do not exist yet).</summary>
    private IEnumerable<string> NewErrors() => _host.Log.Errors.Skip(_setupErrors);

    private int _setupErrors;

    [GeneratedRegex("data-testid=\"issued-key\">([^<]+)<")]
    private static partial Regex IssuedKey();

    public async Task DisposeAsync()
    {
        _staff.Dispose();
        _public.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Odd_values_in_every_query_parameter_of_every_get_endpoint_give_no_error_and_leak_nothing()
    {
        var endpoints = await GetEndpointsAsync();
        // The enumeration does see the pages and their parameters (a broken reflection would make this test empty).
        Assert.Contains(endpoints, e => e.Route == "/faq/search" && e.Parameters.Count > 0);
        Assert.Contains(endpoints, e => e.Route == "/admin/opinions/search" && e.Parameters.Count > 0);
        Assert.Contains(endpoints, e => e.Route.StartsWith("/api/v1/", StringComparison.Ordinal) && e.Parameters.Count > 0);
        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} GET endpoints found");

        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var requests = 0;
        // Endpoints without a parameter have nothing to inject into (their paths are in the traversal test).
        var targets = endpoints.Where(e => e.Parameters.Count > 0 || e.Pattern.Parameters.Any(p => p.ParameterPolicies.Count == 0));
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (endpoint, _) =>
        {
            foreach (var (payload, index) in Payloads.Select((p, i) => (p, i)))
            {
                await CheckAsync(endpoint, endpoint.Path(payload), endpoint.Parameters.Select(p => (p, payload)));
                Interlocked.Increment(ref requests);
                if (index >= 2) continue;
                foreach (var parameter in endpoint.Parameters.Where(_ => endpoint.Parameters.Count > 1))
                {
                    await CheckAsync(endpoint, endpoint.Path("x"), [(parameter, payload)]);
                    Interlocked.Increment(ref requests);
                }
            }
        });
        output.WriteLine($"{endpoints.Count} endpoints, {endpoints.Sum(e => e.Parameters.Count)} parameters, {requests} requests");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(40)));
        Assert.True(!NewErrors().Any(), string.Join("\n", NewErrors().Take(5)));

        async Task CheckAsync(GetEndpoint endpoint, string path, IEnumerable<(string Name, string Value)> query)
        {
            var url = path + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Escape(q.Value)));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (endpoint.Route.StartsWith("/api/v1/", StringComparison.Ordinal)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
            using var response = await (endpoint.Site == Site.Staff ? _staff : _public).Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500) failures.Enqueue($"{(int)response.StatusCode} for {Shorten(url)}");
            else if (Leak().Match(body) is { Success: true } leak) failures.Enqueue($"{Shorten(url)} shows \"{leak.Value.Trim()}\"");
        }
    }

    /// <summary>Static assets and file downloads with traversal in the path itself, sent as raw request lines so no client normalizes them.</summary>
    [Fact]
    public async Task Traversal_in_asset_and_download_paths_is_refused_and_serves_no_file()
    {
        var caseId = Guid.NewGuid();
        string[] paths =
        [
            "/assets/Kocho.Faq/../../../../../../etc/passwd",
            "/assets/Kocho.Faq/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
            "/assets/Kocho.Faq/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/assets/Kocho.Faq/..%5c..%5c..%5c..%5cetc%5cpasswd",
            "/assets/Kocho.Faq/js/faq-suggest.js%00.png",
            "/assets/..%2fKocho.Portal.dll",
            "/assets/Kocho.Core/..%2f..%2fappsettings.json",
            "/../../../../etc/passwd",
            "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/App_Data/kocho.db",
            "/kocho.db",
            "/favicon.ico/..%2f..%2f..%2fetc%2fpasswd",
            $"/admin/opinions/{caseId}/attachments/..%2f..%2f..%2fetc%2fpasswd",
            "/admin/reports/exports/..%2f..%2f..%2fetc%2fpasswd",
            "/admin/reports/exports/%2e%2e%2f%2e%2e%2fkocho.db",
        ];
        var cookie = _staff.Cookies.GetCookieHeader(_host.StaffUrl);
        var failures = new List<string>();
        foreach (var path in paths)
        {
            foreach (var (site, cookies) in new[] { (_host.PublicUrl, ""), (_host.StaffUrl, cookie) })
            {
                var (status, body) = await RawGetAsync(site, path, cookies);
                if (status >= 500 || status == 200 && !path.Contains("faq-suggest.js", StringComparison.Ordinal)) failures.Add($"{status} for {path} on {site}");
                if (Leak().IsMatch(body) || body.Contains("SQLite format 3", StringComparison.Ordinal) || body.Contains("\"ConnectionStrings\"", StringComparison.Ordinal))
                {
                    failures.Add($"{path} on {site} leaks: {Shorten(body)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(!NewErrors().Any(), string.Join("\n", NewErrors().Take(5)));
    }

    private static async Task<(int Status, string Body)> RawGetAsync(Uri site, string path, string cookie)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(site.Host, site.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {site.Authority}\r\nConnection: close\r\n" + (cookie == "" ? "" : $"Cookie: {cookie}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, text);
    }

    /// <summary>A value as a client would send it: "%.." payloads are sent as typed (already encoded), everything else escaped.</summary>
    private static string Escape(string value) =>
        value.Contains('%', StringComparison.Ordinal) ? value : value == "\uD800" ? "%ED%A0%80" : Uri.EscapeDataString(value);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>One GET route: the site it answers on, its template, and the query parameters it binds.</summary>
    private sealed record GetEndpoint(Site Site, string Route, RoutePattern Pattern, IReadOnlyList<string> Parameters)
    {
        /// <summary>The route with its parameters filled: constrained ones with a well-formed value, free strings with the payload.</summary>
        public string Path(string payload)
        {
            var path = Route;
            foreach (var parameter in Pattern.Parameters)
            {
                var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
                var value = constraints.Contains("guid") ? Guid.NewGuid().ToString()
                    : constraints.Contains("int") || constraints.Contains("long") ? "1"
                    : parameter.Name is "format" ? "json"
                    : parameter.Name is "culture" ? "ja"
                    : Escape(payload.Length > 300 ? payload[..300] : payload);
                path = Regex.Replace(path, @"\{\**" + Regex.Escape(parameter.Name) + @"(:[^}]*)?\??\}", value.Replace("$", "$$"));
            }
            return path;
        }
    }

    /// <summary>Every GET endpoint in the routing table with the names of the query parameters it binds.</summary>
    private async Task<List<GetEndpoint>> GetEndpointsAsync()
    {
        var loader = _host.Services.GetRequiredService<PageLoader>();
        var isService = _host.Services.GetRequiredService<IServiceProviderIsService>();
        var result = new List<GetEndpoint>();
        foreach (var endpoint in _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is { Count: > 0 } && !methods.Contains("GET")) continue;
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var site = endpoint.Metadata.GetMetadata<SiteEndpointMetadata>()?.Site ?? (route.StartsWith("/admin", StringComparison.Ordinal) ? Site.Staff : Site.Public);
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var names = new List<string>();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (!compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)) && compiled.HandlerMethods.Count > 0) continue;
                foreach (var property in compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                {
                    var supportsGet = property.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true
                        || compiled.HandlerTypeInfo.GetCustomAttribute<BindPropertiesAttribute>()?.SupportsGet == true
                        || property.Property.GetCustomAttribute<FromQueryAttribute>() is not null;
                    if (supportsGet) AddNames(names, property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, 0);
                }
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    foreach (var parameter in handler.Parameters)
                    {
                        if (parameter.BindingInfo?.BindingSource == BindingSource.Services || routeNames.Contains(parameter.Name)) continue;
                        AddNames(names, parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, 0);
                    }
                }
            }
            else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                foreach (var parameter in method.GetParameters())
                {
                    if (routeNames.Contains(parameter.Name!) || parameter.GetCustomAttribute<FromServicesAttribute>() is not null || isService.IsService(parameter.ParameterType)) continue;
                    if (parameter.ParameterType == typeof(HttpContext) || parameter.ParameterType == typeof(HttpRequest) || parameter.ParameterType == typeof(CancellationToken)) continue;
                    if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null || parameter.GetCustomAttribute<FromHeaderAttribute>() is not null) continue;
                    var name = parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!;
                    if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                    {
                        foreach (var p in parameter.ParameterType.GetProperties()) names.Add(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name);
                    }
                    else if (IsSimple(parameter.ParameterType)) names.Add(name);
                }
            }
            else continue;
            if (result.Any(r => r.Route == route && r.Site == site)) continue;
            result.Add(new GetEndpoint(site, route, endpoint.RoutePattern, names.Distinct().ToList()));
        }
        return result;
    }

    private static void AddNames(List<string> names, string name, Type type, int depth)
    {
        if (IsSimple(type) || depth > 1)
        {
            names.Add(name);
            return;
        }
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0] : null;
        if (element is not null && IsSimple(element))
        {
            names.Add(name);
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            AddNames(names, name + "." + property.Name, property.PropertyType, depth + 1);
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly);
    }
}
