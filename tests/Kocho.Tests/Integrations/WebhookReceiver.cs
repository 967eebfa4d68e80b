using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Kocho.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kocho.Tests.Integrations;

/// <summary>
/// A city system receiving webhooks: Kestrel on loopback over HTTPS with a self-signed certificate made for the run. It
/// keeps every request it gets and answers 200, or the statuses queued with <see cref="FailNext"/> first.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failures = new();
    private WebApplication? _app;

    public sealed record Received(string Path, string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);

    public int Port { get; } = TestEnvironment.FreePort();
    public X509Certificate2 Certificate { get; } = TestCertificate.Create();
    public string Thumbprint => TestCertificate.Sha256(Certificate);
    /// <summary>The address of one receiving system; each has its own requests and queued failures.</summary>
    public string Url(string name) => $"https://127.0.0.1:{Port}/hooks/{name}";
    public ConcurrentQueue<Received> Requests { get; } = new();

    public void FailNext(string name, params int[] statuses)
    {
        var queue = _failures.GetOrAdd(name, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses) queue.Enqueue(status);
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port, l => l.UseHttps(Certificate)));
        _app = builder.Build();
        _app.MapPost("/hooks/{name}", async (string name, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(name, body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow));
            return _failures.TryGetValue(name, out var queue) && queue.TryDequeue(out var status) ? Results.StatusCode(status) : Results.Ok();
        });
        await _app.StartAsync();
    }

    /// <summary>Waits for requests matching <paramref name="match"/>; returns them once there are <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<Received, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = Requests.Where(match).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The receiver got {found.Count} of {count} matching webhook(s); {Requests.Count} in all.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
