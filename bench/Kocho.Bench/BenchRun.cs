using System.Diagnostics;

namespace Kocho.Bench;

/// <summary>One bench run: the data (generated once per size and engine, then reused), every measurement, the results file.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var results = new BenchResults(options);
        var total = Stopwatch.StartNew();
        if (!options.IsSmoke && options.Cases < 1_000_000)
        {
            results.Note($"Full size is 1,000,000 cases; this run used {options.Cases:N0} (--cases), the largest the shared machine allowed in the time (see the generator's rates).");
        }
        results.Note($"Load average at the start: {BenchResults.LoadAverage()} (a shared machine: compare ratios, not absolute times).");
        if (options.Regenerate || DataGenerator.Existing(options) is null)
        {
            if (Directory.Exists(options.DataPath)) Directory.Delete(options.DataPath, recursive: true);
            if (options.IsPostgres) await BenchSite.DropDatabaseAsync(options);
        }
        await using (var site = await BenchSite.StartAsync(options))
        {
            var generated = DataGenerator.Existing(options);
            if (generated is null)
            {
                log.WriteLine($"Generating {options.Cases:N0} cases and {options.FaqEntries:N0} FAQ entries ({options.Provider}) in {options.DataPath}");
                generated = await new DataGenerator(site, log).GenerateAsync();
            }
            else
            {
                log.WriteLine($"Reusing the data in {options.DataPath} ({generated.Cases:N0} cases; --regenerate writes it again)");
            }
            results.Generated(generated);
            await DataGenerator.WaitForIndexAsync(site, log);

            log.WriteLine("HTTP: FAQ search vs a static file");
            await HttpBench.RunAsync(site, results, log);
            log.WriteLine("Search engine: ISearchService vs raw Lucene.Net (BenchmarkDotNet)");
            SearchOverhead.Run(site, results, log);
            log.WriteLine("Staff: case list and statistics");
            await StaffBench.RunAsync(site, results, log);
            log.WriteLine("Export: all cases as CSV (child process)");
            await ExportBench.RunAsync(site, results, log);
            log.WriteLine("Intake: web form vs raw inserts");
            await IntakeBench.RunAsync(site, results, log);
        }
        log.WriteLine("Legacy import (import legacy verb on a fresh site)");
        await LegacyImportBench.RunAsync(options, results, log);

        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var (path, regressions) = await results.WriteAsync(day, total.Elapsed);
        log.WriteLine($"Results: {path}");
        foreach (var regression in regressions) log.WriteLine("  WORSE by more than 20%: " + regression);
        log.WriteLine($"Done in {total.Elapsed.TotalMinutes:F1} min");
        return 0;
    }
}
