using System.Diagnostics;
using System.Text.RegularExpressions;
using Kocho.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Kocho.Tests.Bench;

/// <summary>
/// CI proof that the bench (#10) works: the smoke size on SQLite runs end to end as its own process and writes a results
/// file with every figure. Nothing here is timed: how fast is the bench's question, at full size.
/// </summary>
[RunsLong]
public sealed partial class BenchSmokeTests(ITestOutputHelper log)
{
    public static readonly string[] Figures =
    [
        "data.cases", "data.faq", "data.history", "generate.cases_per_s", "generate.rollup_per_s", "generate.index_per_s",
        "http.static.rps", "http.static.p50_ms", "http.static.p99_ms",
        "http.faq_page.rps", "http.faq_page.p50_ms", "http.faq_page.p99_ms", "http.faq_page.ratio",
        "http.faq_api.rps", "http.faq_api.p50_ms", "http.faq_api.p99_ms", "http.faq_api.ratio",
        "search.raw_lucene_us", "search.service_us", "search.overhead_ratio",
        "staff.list_all.p95_ms", "staff.list_all.p50_ms", "staff.list_department.p95_ms", "staff.stats_year_ms", "staff.stats_10y_ms",
        "export.rows_per_s", "export.seconds", "export.peak_mb", "export.file_mb",
        "intake.web_per_s", "intake.raw_tx_per_s", "intake.ratio",
        "legacy.rows_per_s", "legacy.cases_per_s",
    ];

    [Fact]
    public async Task The_smoke_bench_writes_every_figure()
    {
        var root = RepositoryRoot.Find();
        var dll = Path.Combine(root, "bench", "Kocho.Bench", "bin", "Release", "net10.0", "Kocho.Bench.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build Kocho.sln -c Release first.");
        var work = Path.Combine(Path.GetTempPath(), "kocho-tests", "bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
            foreach (var arg in new[] { dll, "--size", "smoke", "--provider", "Sqlite", "--data", Path.Combine(work, "data"), "--results", Path.Combine(work, "results") })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["DOTNET_gcServer"] = "0";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            await process.WaitForExitAsync(cancel.Token);
            log.WriteLine(await output);
            Assert.True(process.ExitCode == 0, await output + await error);

            var file = Assert.Single(Directory.GetFiles(Path.Combine(work, "results"), "*-smoke.md"));
            Assert.Matches(@"\d{4}-\d{2}-\d{2}-smoke\.md$", file);
            var text = await File.ReadAllTextAsync(file);
            var values = RowPattern().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            Assert.Equal([], Figures.Except(values.Keys).ToArray());
            Assert.Equal("2,000", values["data.cases"]);
            Assert.Contains("- machine: ", text);
            Assert.Contains("- commit: ", text);
            Assert.Contains("compared with: ", text);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"^\| ([a-z0-9_.]+) \| [^|]* \| ([-0-9.,]+) \|", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
