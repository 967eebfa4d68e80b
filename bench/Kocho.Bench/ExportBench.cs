using System.Diagnostics;
using System.Globalization;
using Kocho.Opinions.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Bench;

/// <summary>
/// Issue #10 item 5: the CSV export of every case (<c>export opinions</c>) in a child process of the portal, as an
/// operator runs it: rows/s (the run of an empty export subtracted, so start-up is not counted) and the process's peak
/// resident memory (VmHWM); targets ≥ 200k rows/s and &lt; 300 MB.
/// </summary>
public static class ExportBench
{
    public static async Task RunAsync(BenchSite site, BenchResults results, TextWriter log)
    {
        var rows = await site.InScopeAsync(sp => sp.GetRequiredService<OpinionsDbContext>().Cases.CountAsync());
        var folder = Path.Combine(site.Options.DataPath, "bench-export");
        Directory.CreateDirectory(folder);
        var empty = await RunExportAsync(site, Path.Combine(folder, "empty.csv"), ["--from", "2000-01-01", "--to", "2000-01-02"]);
        var full = await RunExportAsync(site, Path.Combine(folder, "all.csv"), []);
        var seconds = Math.Max(0.001, full.Seconds - empty.Seconds);
        var perSecond = rows / seconds;
        var peakMb = full.PeakBytes / 1024.0 / 1024.0;
        log.WriteLine($"  export: {rows:N0} rows in {full.Seconds:F1} s (start-up {empty.Seconds:F1} s) = {perSecond:N0} rows/s, peak {peakMb:F0} MB");
        results.Add("export.rows_per_s", "CSV export of all cases (start-up subtracted)", perSecond, "rows/s", true, "≥ 200,000 rows/s", perSecond >= 200_000);
        results.Add("export.seconds", "CSV export of all cases: wall time of the process", full.Seconds, "s", false);
        results.Add("export.peak_mb", "CSV export: peak resident memory of the process", peakMb, "MB", false, "< 300 MB", peakMb < 300);
        results.Add("export.file_mb", "CSV export: file size", new FileInfo(full.File).Length / 1024.0 / 1024.0, "MB", true);
        Directory.Delete(folder, recursive: true);
    }

    private sealed record Run(double Seconds, long PeakBytes, string File);

    private static async Task<Run> RunExportAsync(BenchSite site, string file, string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Kocho.Portal.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var arg in new[] { "export", "opinions", "--out", file }.Concat(extra).Concat(BenchSite.SiteArgs(site.Options))) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "0";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            await Task.Delay(20);
        }
        await process.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"export opinions failed ({process.ExitCode}): {await output} {await error}");
        var written = Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "*").FirstOrDefault() ?? file;
        return new Run(seconds, peak, written);
    }

    /// <summary>VmHWM of a running process (the kernel's high-water mark of its resident memory), 0 once it is gone.</summary>
    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
