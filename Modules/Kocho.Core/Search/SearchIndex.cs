using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Kocho.Core.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace Kocho.Core.Search;

/// <summary>
/// One Lucene index folder of this node: its single <see cref="IndexWriter"/> and a <see cref="SearcherManager"/>
/// for near-real-time readers. Writes are serialised; the next search after a write refreshes the readers, so a write
/// is visible when it returns. Lucene commits (durable, with the log position) happen once per applied batch of the
/// change log, not per write: what a crash loses is read from the log again.
/// </summary>
internal sealed class SearchIndex : IDisposable
{
    public static readonly Similarity Similarity = new BM25Similarity();

    public static readonly Analyzer Analyzer = new PerFieldAnalyzerWrapper(JapaneseAnalysis.Bigrams, new Dictionary<string, Analyzer>
    {
        [SearchFields.Title + SearchFields.WordSuffix] = JapaneseAnalysis.Words,
        [SearchFields.Keywords + SearchFields.WordSuffix] = JapaneseAnalysis.Words,
        [SearchFields.Body + SearchFields.WordSuffix] = JapaneseAnalysis.Words,
    });

    private const string AppliedThroughKey = "kocho.appliedThrough";
    private const string AppliedAtKey = "kocho.appliedAtUtc";
    private volatile bool _stale;

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SearchIndex(string name, string path)
    {
        Name = name;
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            _writer = new IndexWriter(_directory, new IndexWriterConfig(JapaneseAnalysis.Version, Analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = Similarity,
                // Any segment with a deleted document is rewritten by ExpungeDeletesAsync (the default leaves up to 10%).
                MergePolicy = new TieredMergePolicy { ForceMergeDeletesPctAllowed = 0 },
            });
            var data = _writer.CommitData;
            AppliedThrough = data is not null && data.TryGetValue(AppliedThroughKey, out var value) && long.TryParse(value, out var through) ? through : 0;
            AppliedAtUtc = data is not null && data.TryGetValue(AppliedAtKey, out var at) && long.TryParse(at, out var ticks) ? new DateTime(ticks, DateTimeKind.Utc) : null;
            // An empty index still gets a first commit, so readers can open it.
            _writer.Commit();
            Searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        }
        catch
        {
            _writer?.Dispose();
            _directory.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public SearcherManager Searchers { get; }

    /// <summary>The change log is applied up to here (kept in the index's commit, so it survives restarts with it).</summary>
    public long AppliedThrough { get; private set; }

    /// <summary>When the follower last committed (kept in the commit): a node away longer than the log is kept rebuilds.</summary>
    public DateTime? AppliedAtUtc { get; private set; }

    /// <summary>Writes made since the last Lucene commit.</summary>
    public bool HasUncommitted { get; private set; }

    /// <summary>Per document, the newest change applied, so an older change read late from the log never overwrites it.</summary>
    public Dictionary<string, long> Latest { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="write"/> alone on the writer (it may use <see cref="Latest"/>). With <paramref name="commit"/>,
    /// then commits everything written so far, recording <paramref name="appliedThrough"/> when given.
    /// </summary>
    public async Task WriteAsync(Action<IndexWriter> write, CancellationToken cancellationToken, bool commit = true,
        long? appliedThrough = null, DateTime? appliedAtUtc = null)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            write(_writer);
            _stale = true;
            if (!commit)
            {
                HasUncommitted = true;
                return;
            }
            if (appliedThrough is { } through)
            {
                var data = new Dictionary<string, string> { [AppliedThroughKey] = through.ToString(CultureInfo.InvariantCulture) };
                if (appliedAtUtc is { } at) data[AppliedAtKey] = at.Ticks.ToString(CultureInfo.InvariantCulture);
                _writer.SetCommitData(data);
                AppliedThrough = through;
                AppliedAtUtc = appliedAtUtc ?? AppliedAtUtc;
                foreach (var id in Latest.Where(l => l.Value <= through).Select(l => l.Key).ToList())
                {
                    Latest.Remove(id);
                }
            }
            _writer.Commit();
            HasUncommitted = false;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Rewrites the segments that hold deleted documents and removes the files no commit needs any more.</summary>
    public async Task ExpungeDeletesAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer.ForceMergeDeletes(doWait: true);
            _writer.Commit();
            Searchers.MaybeRefreshBlocking();
            _writer.DeleteUnusedFiles();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public T Read<T>(Func<IndexSearcher, T> read)
    {
        if (_stale)
        {
            _stale = false;
            Searchers.MaybeRefreshBlocking();
        }
        var searcher = Searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        Searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _writeLock.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
