using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kocho.Core.Search;
using Kocho.Core.Search.Analysis;
using Kocho.Faq.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Kocho.Bench;

/// <summary>
/// Issue #10 item 3 (BenchmarkDotNet, in process): our <see cref="ISearchService"/> on the FAQ index (phrasing stripped,
/// synonyms, bigram and word fields, public filter, highlighted snippets) against a raw Lucene.Net query on the same index
/// (the query's bigrams over title and body, top 10, stored fields read).
/// </summary>
public class SearchOverhead
{
    /// <summary>The running site the benchmark reads; set by the bench before BenchmarkDotNet runs.</summary>
    public static BenchSite? Site { get; set; }

    // The stored field names of Kocho's index (Kocho.Core.Search.SearchFields, internal to Core).
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string BodyField = "body";

    private static readonly string[] Queries = ["粗大ごみの出し方", "保育園 入園", "住民票の写し", "放置自転車", "児童手当", "ハザードマップ"];
    private ISearchService _service = null!;
    private DirectoryReader _reader = null!;
    private IndexSearcher _searcher = null!;
    private Query[] _raw = [];

    [GlobalSetup]
    public void Setup()
    {
        var site = Site ?? throw new InvalidOperationException("SearchOverhead.Site is not set.");
        _service = site.Service<ISearchService>();
        _reader = DirectoryReader.Open(FSDirectory.Open(Path.Combine(site.Options.DataPath, "index", FaqSearchDocuments.Index)));
        _searcher = new IndexSearcher(_reader);
        _raw = Queries.Select(RawQuery).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = 6)]
    public int RawLucene()
    {
        var found = 0;
        foreach (var query in _raw)
        {
            foreach (var hit in _searcher.Search(query, 10).ScoreDocs)
            {
                var document = _searcher.Doc(hit.Doc);
                found += (document.Get(IdField)?.Length ?? 0) + (document.Get(TitleField)?.Length ?? 0) > 0 ? 1 : 0;
            }
        }
        return found;
    }

    [Benchmark(OperationsPerInvoke = 6)]
    public int SearchService()
    {
        var found = 0;
        foreach (var text in Queries)
        {
            var results = _service.SearchAsync(FaqSearchDocuments.Index, new SearchQuery
            {
                Text = text, Take = 10, Highlight = true,
                Filters = new Dictionary<string, IReadOnlyList<string>> { [FaqSearchDocuments.VisibilityTag] = [FaqSearchDocuments.Public] },
            }).GetAwaiter().GetResult();
            found += results.Hits.Count;
        }
        return found;
    }

    private static Query RawQuery(string text)
    {
        var query = new BooleanQuery();
        using var stream = JapaneseAnalysis.Bigrams.GetTokenStream(TitleField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            query.Add(new TermQuery(new Term(TitleField, term.ToString())), Occur.SHOULD);
            query.Add(new TermQuery(new Term(BodyField, term.ToString())), Occur.SHOULD);
        }
        stream.End();
        return query;
    }

    /// <summary>Runs both benchmarks in this process (short job) and adds their means and the overhead ratio.</summary>
    public static void Run(BenchSite site, BenchResults results, TextWriter log)
    {
        Site = site;
        var job = site.Options.IsSmoke
            ? Job.Dry.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(32).WithUnrollFactor(1)
            : Job.ShortRun;
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .AddLogger(site.Options.IsSmoke ? NullLogger.Instance : ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(BenchOptions.RepositoryRoot(), "bench", "artifacts", "BenchmarkDotNet"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<SearchOverhead>(config);
        double Mean(string method) => summary.Reports.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics?.Mean / 1000
            ?? throw new InvalidOperationException($"BenchmarkDotNet gave no result for {method}: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        var raw = Mean(nameof(RawLucene));
        var ours = Mean(nameof(SearchService));
        log.WriteLine($"  search: raw Lucene {raw:F0} µs, ISearchService {ours:F0} µs per query ({ours / raw:F1}×)");
        results.Add("search.raw_lucene_us", "raw Lucene.Net query, top 10 (BenchmarkDotNet mean)", raw, "µs/query", false);
        results.Add("search.service_us", "ISearchService.SearchAsync, top 10 with snippets (BenchmarkDotNet mean)", ours, "µs/query", false);
        results.Add("search.overhead_ratio", "ISearchService / raw Lucene.Net", ours / raw, "ratio", false);
        results.Note($"Search: BenchmarkDotNet 0.15.8, in-process toolchain, {(site.Options.IsSmoke ? "a dry job of 3 iterations" : "ShortRun")}; the FAQ index of this run, {Queries.Length} queries per operation.");
    }
}
