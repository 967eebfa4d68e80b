using System.Globalization;
using Npgsql;

namespace Kocho.Bench;

/// <summary>What one run measures: the data size, the database engine and where the data and results go.</summary>
public sealed record BenchOptions
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55499;Username=kocho;Password=kocho;Database=postgres";

    public string Size { get; init; } = "smoke";
    public int Cases { get; init; }
    public int FaqEntries { get; init; }
    public string Provider { get; init; } = "Sqlite";
    /// <summary>Server connection for PostgreSQL; the bench uses its own database on that server, named after the size.</summary>
    public string PostgresServer { get; init; } = DefaultPostgres;
    public required string DataPath { get; init; }
    public required string ResultsPath { get; init; }
    /// <summary>Where the committed results to compare with are (the repository's bench/results).</summary>
    public required string BaselinePath { get; init; }
    /// <summary>Seconds of load per HTTP scenario.</summary>
    public double LoadSeconds { get; init; }
    public bool Regenerate { get; init; }

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
    public bool IsSmoke => Size == "smoke";
    public string DatabaseName => $"kocho_bench_{Size}_{Cases}";
    public string PostgresConnection => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName }.ConnectionString;

    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var known = new[] { "--size", "--provider", "--cases", "--faq", "--postgres", "--data", "--results", "--baseline", "--seconds" };
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--regenerate") continue;
            if (!known.Contains(args[i]) || i + 1 >= args.Length) throw new ArgumentException($"Unknown or incomplete option '{args[i]}'. " + Usage);
            i++;
        }
        var size = Value("--size", "smoke");
        if (size is not ("smoke" or "full")) throw new ArgumentException("--size is smoke or full. " + Usage);
        var provider = Value("--provider", "Sqlite");
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--provider is Sqlite or Postgres. " + Usage);
        }
        var smoke = size == "smoke";
        var cases = int.Parse(Value("--cases", smoke ? "2000" : "1000000"), CultureInfo.InvariantCulture);
        var root = RepositoryRoot();
        var engine = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";
        return new BenchOptions
        {
            Size = size,
            Cases = cases,
            FaqEntries = int.Parse(Value("--faq", smoke ? "200" : "10000"), CultureInfo.InvariantCulture),
            Provider = engine,
            PostgresServer = Value("--postgres", DefaultPostgres),
            DataPath = Path.GetFullPath(Value("--data", Path.Combine(root, "bench", "artifacts", $"{size}-{cases}-{engine.ToLowerInvariant()}"))),
            ResultsPath = Path.GetFullPath(Value("--results", Path.Combine(root, "bench", "results"))),
            BaselinePath = Path.GetFullPath(Value("--baseline", Path.Combine(root, "bench", "results"))),
            LoadSeconds = double.Parse(Value("--seconds", smoke ? "1" : "15"), CultureInfo.InvariantCulture),
            Regenerate = args.Contains("--regenerate"),
        };
    }

    public const string Usage =
        "Usage: dotnet run -c Release --project bench/Kocho.Bench -- [--size smoke|full] [--provider Sqlite|Postgres] " +
        "[--cases N] [--faq N] [--postgres CONNECTION] [--data DIR] [--results DIR] [--baseline DIR] [--seconds S] [--regenerate]";

    /// <summary>The folder holding Kocho.sln, found upwards from the program (or the current folder).</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Kocho.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kocho.sln not found above " + AppContext.BaseDirectory);
    }
}
