using Kocho.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Kocho.Tests.Cluster;

/// <summary>
/// Two portal nodes (separate processes of the built portal) on one PostgreSQL behind nginx, with a real loopback SMTP
/// server, started together as a cluster's first start would (so migrations and setup must happen once). On SQLite
/// nothing is started: the tests are skipped there.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300); // two cores shared with other test runs: the first start migrates and sets up

    public PortalNode A { get; private set; } = null!;
    public PortalNode B { get; private set; } = null!;
    public LoadBalancer Nginx { get; private set; } = null!;
    public LoopbackSmtpServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!TestEnvironment.IsPostgres) return;
        Smtp = await LoopbackSmtpServer.StartNewAsync();
        string[] args =
        [
            "--Kocho:ReverseProxy:Enabled=true",
            "--Kocho:RateLimits:public-form:PermitLimit=100000",
            "--Kocho:RateLimits:sign-in:PermitLimit=1000",
            "--Kocho:Mail:PollInterval=00:00:01",
            "--Kocho:Mail:Smtp:Timeout=00:00:05",
            "--Kocho:Mail:Lease=00:00:12",
            .. Smtp.PortalArgs,
        ];
        var settings = await PortalHost.CreateAsync("demo-staff", args);
        A = new PortalNode("A", settings);
        B = new PortalNode("B", settings.CreateNode());
        A.Start();
        B.Start();
        await Task.WhenAll(A.WaitUntilServingAsync(StartTimeout), B.WaitUntilServingAsync(StartTimeout));
        Nginx = await LoadBalancer.StartAsync([A, B]);
    }

    /// <summary>Reads the shared database with the portal's own services (a host built from node A's settings, never started).</summary>
    public async Task<T> InDatabaseAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var app = A.Settings.Build();
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    /// <summary>Signs in on the staff site behind <paramref name="staffUrl"/> as a person would (demo staff need no second factor).</summary>
    public async Task<PortalClient> SignedInStaffAsync(Uri staffUrl, string login)
    {
        var client = new PortalClient(staffUrl);
        var response = await client.PostFormAsync("/admin/login", new() { ["Input.Login"] = login, ["Input.Password"] = PortalHost.DemoPassword });
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(path.StartsWith("/admin", StringComparison.Ordinal) && !path.StartsWith("/admin/login", StringComparison.Ordinal),
            $"sign-in of {login} through {staffUrl} ended on {path}");
        return client;
    }

    public async Task DisposeAsync()
    {
        if (!TestEnvironment.IsPostgres) return;
        if (Nginx is not null) await Nginx.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
    }
}
