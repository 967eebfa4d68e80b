using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Kocho.Bench;

/// <summary>
/// Every figure of a run with its unit, which way is better and its target; written as bench/results/YYYY-MM-DD.md and
/// compared with the last committed file of the same size and engine (a figure more than 20% worse is flagged).
/// </summary>
public sealed partial class BenchResults(BenchOptions options)
{
    public const double WorseThreshold = 0.20;

    public sealed record Figure(string Key, string Name, double Value, string Unit, bool HigherIsBetter, string Target = "", bool? Met = null);

    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<Figure> Figures => _figures;
    public BenchOptions Options => options;

    public void Add(string key, string name, double value, string unit, bool higherIsBetter, string target = "", bool? met = null) =>
        _figures.Add(new Figure(key, name, value, unit, higherIsBetter, target, met));

    public void Note(string note) => _notes.Add(note);

    public void Generated(DataGenerator.Generated generated)
    {
        Add("data.cases", "cases in the database", generated.Cases, "cases", true);
        Add("data.faq", "FAQ entries", generated.FaqEntries, "entries", true);
        Add("data.history", "history entries written by the generator (plus one per answer)", generated.HistoryRows, "rows", true);
        if (generated.CasesSeconds > 0) Add("generate.cases_per_s", "generator: cases written (legacy bulk path)", generated.Cases / generated.CasesSeconds, "cases/s", true);
        if (generated.RollUpSeconds > 0) Add("generate.rollup_per_s", "generator: reports roll-up rebuilt", generated.Cases / generated.RollUpSeconds, "cases/s", true);
        if (generated.IndexSeconds > 0) Add("generate.index_per_s", "generator: documents through the search change feed", (generated.Cases + generated.FaqEntries) / generated.IndexSeconds, "docs/s", true);
    }

    public string FileName(DateOnly day) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (options.IsSmoke ? "-smoke" : "") + (options.IsPostgres ? "-postgres" : "") + ".md";

    /// <summary>Writes the results file; returns its path and the figures more than 20% worse than the baseline.</summary>
    public async Task<(string Path, List<string> Regressions)> WriteAsync(DateOnly day, TimeSpan elapsed)
    {
        var (baselineName, baseline) = LoadBaseline(day);
        var regressions = new List<string>();
        var text = new StringBuilder();
        text.AppendLine($"# Kocho bench {day:yyyy-MM-dd}");
        text.AppendLine();
        text.AppendLine($"- size: {options.Size} ({options.Cases:N0} cases, {options.FaqEntries:N0} FAQ entries), provider: {options.Provider}");
        text.AppendLine($"- machine: {Environment.ProcessorCount} cores, {TotalMemoryGb():F1} GB RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average when written {LoadAverage()}");
        text.AppendLine($"- commit: {Git("rev-parse --short HEAD") ?? "unknown"}{(string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no")) ? "" : " (with uncommitted changes)")}");
        text.AppendLine($"- run time: {elapsed.TotalMinutes:F1} min; compared with: {baselineName ?? "nothing (first result of this size and engine)"}");
        text.AppendLine($"- command: `dotnet run -c Release --project bench/Kocho.Bench -- --size {options.Size} --provider {options.Provider}{(options.IsSmoke || options.Cases == 1_000_000 ? "" : $" --cases {options.Cases}")}`");
        text.AppendLine();
        text.AppendLine("| key | figure | value | unit | target | met | previous | change |");
        text.AppendLine("|---|---|---:|---|---|---|---:|---|");
        foreach (var f in _figures)
        {
            var previous = baseline.TryGetValue(f.Key, out var p) ? p : (double?)null;
            var change = "";
            if (previous is { } before && before != 0)
            {
                var ratio = f.Value / before - 1;
                var worse = f.HigherIsBetter ? -ratio : ratio;
                change = ratio.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);
                if (worse > WorseThreshold && !f.Key.StartsWith("data.", StringComparison.Ordinal))
                {
                    change += " **WORSE**";
                    regressions.Add($"{f.Key}: {Format(f.Value)} {f.Unit} (was {Format(before)})");
                }
            }
            text.AppendLine($"| {f.Key} | {f.Name} | {Format(f.Value)} | {f.Unit} | {f.Target} | {(f.Met is null ? "" : f.Met.Value ? "yes" : "**no**")} | {(previous is null ? "" : Format(previous.Value))} | {change} |");
        }
        text.AppendLine();
        text.AppendLine(regressions.Count == 0 ? "No figure is more than 20% worse than the previous result." : $"**{regressions.Count} figure(s) more than 20% worse than the previous result:** " + string.Join("; ", regressions));
        if (_notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Notes");
            text.AppendLine();
            foreach (var note in _notes) text.AppendLine("- " + note);
        }
        Directory.CreateDirectory(options.ResultsPath);
        var path = Path.Combine(options.ResultsPath, FileName(day));
        await File.WriteAllTextAsync(path, text.ToString());
        return (path, regressions);
    }

    public static string Format(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The figures of a results file, by key.</summary>
    public static Dictionary<string, double> Parse(string markdown)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in RowPattern().Matches(markdown))
        {
            if (double.TryParse(m.Groups[2].Value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) figures[m.Groups[1].Value] = value;
        }
        return figures;
    }

    [GeneratedRegex(@"^\| ([a-z0-9_.]+) \| [^|]* \| ([-0-9.,]+) \|", RegexOptions.Multiline)]
    private static partial Regex RowPattern();

    /// <summary>The last committed results file of this size and engine (by name), else the last such file on disk; not today's own.</summary>
    private (string? Name, Dictionary<string, double> Figures) LoadBaseline(DateOnly day)
    {
        var suffix = (options.IsSmoke ? "-smoke" : "") + (options.IsPostgres ? "-postgres" : "") + ".md";
        var today = FileName(day);
        bool Same(string name) => DatePattern().IsMatch(name) && name[10..] == suffix;
        var root = BenchOptions.RepositoryRoot();
        var relative = Path.GetRelativePath(root, options.BaselinePath).Replace('\\', '/');
        var committed = Git($"ls-tree --name-only HEAD {relative}/")?.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileName).OfType<string>().Where(Same).OrderBy(n => n, StringComparer.Ordinal).ToList() ?? [];
        if (committed.Count > 0)
        {
            var name = committed[^1];
            if (Git($"show HEAD:{relative}/{name}") is { } text) return ($"{name} (committed)", Parse(text));
        }
        if (Directory.Exists(options.BaselinePath))
        {
            var onDisk = Directory.GetFiles(options.BaselinePath, "*.md").Select(Path.GetFileName).OfType<string>()
                .Where(n => Same(n) && n != today).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (onDisk.Count > 0) return (onDisk[^1], Parse(File.ReadAllText(Path.Combine(options.BaselinePath, onDisk[^1]))));
        }
        return (null, []);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex DatePattern();

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = BenchOptions.RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static double TotalMemoryGb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9
            : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
