using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Faq;

/// <summary>One demo site (staff of every role, the demo FAQ entries published) shared by the FAQ tests of a class.</summary>
public sealed class FaqHostFixture : IAsyncLifetime
{
    public const string Collection = "FAQ demo site";

    public PortalHost Host { get; private set; } = null!;

    // The tests sign in many times a minute; the sign-in limit itself is tested in Portal/RateLimitTests.
    public async Task InitializeAsync() => Host = await PortalHost.StartCopyAsync("demo", "--Kocho:RateLimits:sign-in:PermitLimit=1000");

    public async Task DisposeAsync()
    {
        var errors = Host?.Log.Errors.ToList() ?? [];
        if (errors.Count > 0) File.WriteAllLines(Path.Combine(Path.GetTempPath(), "kocho-faq-test-errors.log"), errors);
        if (Host is not null) await Host.DisposeAsync();
    }

    public Task<PortalClient> StaffAsync(string login) => Host.SignedInStaffAsync(login, PortalHost.DemoPassword);

    /// <summary>Creates an entry through the staff page as <paramref name="login"/> would; returns its number.</summary>
    public async Task<int> CreateAsync(PortalClient client, string question, string answer, string department, string visibility = "Public", string? category = null, string? keywords = null)
    {
        var response = await client.PostFormAsync("/admin/faq/edit", new()
        {
            ["Input.Question"] = question, ["Input.Answer"] = answer, ["Input.Department"] = department,
            ["Input.Visibility"] = visibility, ["Input.Category"] = category ?? "", ["Input.Keywords"] = keywords ?? "",
        });
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(path.StartsWith("/admin/faq/", StringComparison.Ordinal) && int.TryParse(path["/admin/faq/".Length..], out _),
            $"creating the entry failed: {path} {await response.Content.ReadAsStringAsync()}");
        Assert.True(response.IsSuccessStatusCode, $"the new entry's page answered {(int)response.StatusCode}");
        return int.Parse(path["/admin/faq/".Length..]);
    }

    public static Task<HttpResponseMessage> ActAsync(PortalClient client, int number, string handler, string? comment = null) =>
        client.PostFormAsync($"/admin/faq/{number}", new() { ["Comment"] = comment ?? "" }, handler: handler);

    public async Task<T> DbAsync<T>(Func<FaqDbContext, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FaqDbContext>());
    }

    public Task<FaqEntry> EntryAsync(int number) => DbAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.Number == number));
}

[CollectionDefinition(FaqHostFixture.Collection)]
public sealed class FaqHostCollection : ICollectionFixture<FaqHostFixture>;
