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
/// for near-real-time readers. Writes are serialised and end with commit + refresh, so they are durable and
/// visible when they return; searches run concurrently on acquired searchers.
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
            });
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

    /// <summary>Runs <paramref name="write"/> alone on the writer, then commits and refreshes the readers.</summary>
    public async Task WriteAsync(Action<IndexWriter> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            write(_writer);
            _writer.Commit();
            Searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public T Read<T>(Func<IndexSearcher, T> read)
    {
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
