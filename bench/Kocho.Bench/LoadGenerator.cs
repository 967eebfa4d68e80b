using System.Diagnostics;
using System.Net;

namespace Kocho.Bench;

/// <summary>
/// A closed-loop HTTP load generator in the repository (no package to install, the same client for every side of a ratio):
/// a few keep-alive connections each sending the next request as soon as the last answered, for a fixed time.
/// </summary>
public static class LoadGenerator
{
    public sealed record Result(int Requests, int Failures, double Seconds, double P50Ms, double P99Ms)
    {
        public double RequestsPerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(Uri baseAddress, Func<int, string> path, int connections, TimeSpan duration, TimeSpan warmup)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await RunForAsync(http, path, connections, warmup);
        return await RunForAsync(http, path, connections, duration);
    }

    private static async Task<Result> RunForAsync(HttpClient http, Func<int, string> path, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        var failures = 0;
        var counter = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(4096);
            var buffer = new byte[81920];
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path(Interlocked.Increment(ref counter)), HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0) { }
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var seconds = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(all.Count, failures, seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
