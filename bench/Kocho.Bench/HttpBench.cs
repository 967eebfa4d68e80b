namespace Kocho.Bench;

/// <summary>
/// Issue #10 item 2: the public FAQ search page and the FAQ JSON API beside Kestrel serving a static file of the same
/// host in the same run (requests/s, p50/p99, ratio to static); target ≥ 0.5 of static and p99 &lt; 25 ms.
/// </summary>
public static class HttpBench
{
    public const int Connections = 8;
    public const string StaticPath = "/assets/Kocho.TheTheme/css/site.css";

    /// <summary>Words residents type, each found in the generated FAQ (and one that finds nothing).</summary>
    public static readonly string[] Queries =
    [
        "粗大ごみ", "保育園 入園", "住民票の写し", "放置自転車", "マイナンバーカード 更新", "児童手当", "図書館 開館時間", "ハザードマップ",
        "国民健康保険料", "介護保険", "区営住宅", "予防接種", "路上喫煙", "防災訓練", "犬の登録", "ごみ 収集日", "空き家", "期日前投票",
    ];

    public static async Task RunAsync(BenchSite site, BenchResults results, TextWriter log)
    {
        var duration = TimeSpan.FromSeconds(site.Options.LoadSeconds);
        var warmup = TimeSpan.FromSeconds(Math.Min(3, site.Options.LoadSeconds));
        string Query(int i) => Uri.EscapeDataString(Queries[i % Queries.Length]);

        var scenarios = new (string Key, string Name, Func<int, string> Path)[]
        {
            ("static", "static file from the same Kestrel", _ => StaticPath),
            ("faq_page", "FAQ search page /faq/search", i => $"/faq/search?q={Query(i)}"),
            ("faq_api", "FAQ JSON API /api/faq/search", i => $"/api/faq/search?q={Query(i)}"),
        };
        var measured = new Dictionary<string, LoadGenerator.Result>();
        foreach (var (key, name, path) in scenarios)
        {
            var result = await LoadGenerator.RunAsync(site.PublicUrl, path, Connections, duration, warmup);
            measured[key] = result;
            log.WriteLine($"  {name}: {result.RequestsPerSecond:N0} req/s, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {result.Failures} failed");
            if (result.Failures > 0) results.Note($"{name}: {result.Failures} of {result.Requests} requests failed.");
            results.Add($"http.{key}.rps", $"{name}: throughput", result.RequestsPerSecond, "req/s", true);
            results.Add($"http.{key}.p50_ms", $"{name}: p50 latency", result.P50Ms, "ms", false);
            results.Add($"http.{key}.p99_ms", $"{name}: p99 latency", result.P99Ms, "ms", false,
                key == "static" ? "" : "< 25 ms", key == "static" ? null : result.P99Ms < 25);
        }
        foreach (var key in new[] { "faq_page", "faq_api" })
        {
            var ratio = measured[key].RequestsPerSecond / measured["static"].RequestsPerSecond;
            results.Add($"http.{key}.ratio", $"{scenarios.First(s => s.Key == key).Name}: throughput / static", ratio, "ratio", true, "≥ 0.5", ratio >= 0.5);
        }
        results.Note($"HTTP: {Connections} keep-alive connections from an in-repository closed-loop client in the same process, {duration.TotalSeconds:F0} s per scenario after {warmup.TotalSeconds:F0} s warm-up; {Queries.Length} queries in turn.");
    }
}
