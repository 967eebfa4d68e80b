using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kocho.Api.Data;
using Kocho.Core.Audit;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Api;

/// <summary>
/// The Shinjuku site with its demo staff, and the API keys an administrator issued on the keys page: one per kind of
/// integration the tests play (full access, a 戸籍住民課 system, read only, an Open311 client, a key with a tiny limit).
/// </summary>
public sealed class ApiSite : IAsyncLifetime
{
    public const string Collection = "API site";

    public const string Department = "0502";      // 戸籍住民課
    public const string OtherDepartment = "1102"; // ごみ減量リサイクル課

    public PortalHost Host { get; private set; } = null!;
    public PortalClient Admin { get; private set; } = null!;
    public string FullKey { get; private set; } = "";
    public string DepartmentKey { get; private set; } = "";
    public string ReadOnlyKey { get; private set; } = "";
    public string Open311Key { get; private set; } = "";
    public string TinyKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartAsync("demo-staff", "--Kocho:RateLimits:sign-in:PermitLimit=1000");
        Admin = await Host.SignedInStaffAsync();
        FullKey = await IssueAsync("総合テスト連携", ["cases:read", "cases:write", "cases:personal", "faq:read"]);
        DepartmentKey = await IssueAsync("戸籍住民課システム", ["cases:read", "cases:write"], Department);
        ReadOnlyKey = await IssueAsync("閲覧だけの連携", ["cases:read"]);
        Open311Key = await IssueAsync("まちの通報アプリ", ["open311:write"]);
        TinyKey = await IssueAsync("上限3回の連携", ["cases:read"], perMinute: "3");
    }

    /// <summary>Issues a key on the admin page as an administrator would, and reads it from the page (the only time it is shown).</summary>
    public async Task<string> IssueAsync(string name, string[] scopes, string? department = null, string? perMinute = null)
    {
        var fields = new List<(string, string)> { ("Input.Name", name), ("Input.DepartmentCode", department ?? ""), ("Input.RequestsPerMinute", perMinute ?? "") };
        fields.AddRange(scopes.Select(s => ("Input.Scopes", s)));
        var response = await Admin.PostFieldsAsync("/admin/api/keys", fields);
        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"issued-key\">([^<]+)<");
        Assert.True(match.Success, "no key on the page: " + html);
        return match.Groups[1].Value;
    }

    public HttpClient Staff(string? key = null) => Client(Host.StaffUrl, key);

    public HttpClient Public(string? key = null) => Client(Host.PublicUrl, key);

    private static HttpClient Client(Uri baseAddress, string? key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async Task<T> DbAsync<TContext, T>(Func<TContext, Task<T>> read) where TContext : DbContext
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    public Task<int> CaseCountAsync() => DbAsync<OpinionsDbContext, int>(db => db.Cases.CountAsync());

    public Task<List<AuditRecord>> AuditAsync(string action) =>
        DbAsync<AuditDbContext, List<AuditRecord>>(db => db.Records.AsNoTracking().Where(r => r.Action == action).OrderBy(r => r.Sequence).ToListAsync());

    public Task<OpinionCase> CaseAsync(string receipt) =>
        DbAsync<OpinionsDbContext, OpinionCase>(db => db.Cases.AsNoTracking().Include(c => c.Forwardings).SingleAsync(c => c.ReceiptNumber == receipt));

    public Task<List<Kocho.Api.Keys.ApiKey>> KeysAsync() => DbAsync<ApiDbContext, List<Kocho.Api.Keys.ApiKey>>(db => db.Keys.AsNoTracking().ToListAsync());

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}

[CollectionDefinition(ApiSite.Collection)]
public sealed class ApiSiteCollection : ICollectionFixture<ApiSite>;
