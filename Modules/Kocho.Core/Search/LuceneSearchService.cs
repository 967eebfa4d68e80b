using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Kocho.Core.Data;
using Kocho.Core.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kocho.Core.Search;

/// <summary>
/// <see cref="ISearchService"/> on Lucene.Net: one index folder per name under <c>&lt;DataPath&gt;/index/&lt;name&gt;</c>,
/// owned by this node (opened on first use, closed at shutdown) and kept in step with other nodes through the change
/// log (<see cref="FollowAsync"/>). Queries are stripped of question phrasing,
/// expanded with the administrators' synonyms and matched on both bigrams and ICU words, question and keywords first.
/// </summary>
public sealed partial class LuceneSearchService : ISearchService, IDisposable
{
    private const int MaxTermsPerText = 64;
    private const int MaxClauses = 1000; // below BooleanQuery's limit of 1024, however long the text and many its synonyms
    private const float WordBoost = 1.5f;
    private const float SynonymWeight = 0.8f;
    private const int SnippetLength = 120;

    private readonly string _root;
    private readonly SearchSynonyms _synonyms;
    private readonly SearchChangeLog _log;
    private readonly TimeProvider _clock;
    private readonly IServiceScopeFactory _scopes;
    private readonly ConcurrentDictionary<string, SearchIndex> _indexes = new(StringComparer.Ordinal);
    private bool _disposed;

    public LuceneSearchService(KochoOptions kocho, IHostEnvironment environment, SearchSynonyms synonyms, SearchChangeLog log, TimeProvider clock, IServiceScopeFactory scopes)
    {
        _root = Path.Combine(kocho.FullDataPath(environment.ContentRootPath), "index");
        _synonyms = synonyms;
        _log = log;
        _clock = clock;
        _scopes = scopes;
    }

    /// <summary>Changes younger than this are read again on the next follow: sequence numbers can commit out of order.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(10);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex IndexName();

    /// <summary>Outside a module's action (CLI verbs, imports, tests): the change in a transaction of its own, through the feed.</summary>
    public Task IndexAsync(string index, IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default) =>
        InOwnTransactionAsync(feed => feed.Index(index, documents), cancellationToken);

    public Task DeleteAsync(string index, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        InOwnTransactionAsync(feed => feed.Delete(index, ids), cancellationToken);

    public async Task ExpungeAsync(string index, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        CheckName(index);
        await _log.ForgetSupersededAsync(index, ids, cancellationToken);
        SearchIndex searchIndex;
        try
        {
            searchIndex = Open(index);
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            return; // the process that owns the folder expunges it on its own schedule
        }
        await searchIndex.ExpungeDeletesAsync(cancellationToken);
    }

    private async Task InOwnTransactionAsync(Action<SearchChangeFeed> change, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<SearchChangeFeed>();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(_ =>
        {
            change(feed);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies changes this node has just committed to the log to its own index, so they are visible when the action
    /// returns. No Lucene commit here (the follower commits once per round): a crash loses nothing the log does not
    /// hold. When another process owns the folder (the running portal, for a CLI verb), that process applies them.
    /// </summary>
    internal async Task ApplyCommittedAsync(IReadOnlyList<SearchChange> changes, CancellationToken cancellationToken)
    {
        foreach (var group in changes.GroupBy(c => c.Index))
        {
            SearchIndex searchIndex;
            try
            {
                searchIndex = Open(group.Key);
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                continue;
            }
            if (group.Any(c => c.DocumentId == SearchChange.RebuildMarker))
            {
                try
                {
                    await RebuildAsync(group.Key, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The change is committed; this node's follower meets the marker in the log and rebuilds then.
                }
                continue;
            }
            await searchIndex.WriteAsync(writer => Apply(searchIndex, writer, group), cancellationToken, commit: false);
        }
    }

    /// <summary>Applies changes in order, skipping those the log follower has passed or a newer change of the document has overtaken.</summary>
    private static int Apply(SearchIndex searchIndex, IndexWriter writer, IEnumerable<SearchChange> changes)
    {
        var count = 0;
        foreach (var change in changes)
        {
            if (change.Id <= searchIndex.AppliedThrough || change.DocumentId == SearchChange.RebuildMarker) continue;
            if (searchIndex.Latest.GetValueOrDefault(change.DocumentId) >= change.Id) continue;
            if (SearchChangeLog.Read(change) is { } document)
            {
                writer.UpdateDocument(new Term(SearchFields.Id, change.DocumentId), ToLucene(document).Document);
            }
            else
            {
                writer.DeleteDocuments(new Term(SearchFields.Id, change.DocumentId));
            }
            searchIndex.Latest[change.DocumentId] = change.Id;
            count++;
        }
        return count;
    }

    /// <summary>
    /// Applies the change log to this node's index: every change after the last settled one, in order, skipping
    /// those a newer change of the same document has overtaken, with one Lucene commit per batch read. Returns how
    /// many changes it applied.
    /// </summary>
    public async Task<int> FollowAsync(string index, CancellationToken cancellationToken = default)
    {
        var searchIndex = Open(index);
        var applied = 0;
        while (true)
        {
            var changes = await _log.ReadAfterAsync(index, searchIndex.AppliedThrough, FollowBatch, cancellationToken);
            if (changes.Count == 0)
            {
                if (searchIndex.HasUncommitted) await searchIndex.WriteAsync(_ => { }, cancellationToken);
                return applied;
            }
            if (changes.Any(c => c.DocumentId == SearchChange.RebuildMarker))
            {
                // A bulk change asked every node to rebuild: the source holds it (and everything logged before it).
                applied += await RebuildAsync(index, cancellationToken);
                continue;
            }
            var settledBefore = _clock.GetUtcNow().UtcDateTime - SettleTime;
            var settled = searchIndex.AppliedThrough;
            foreach (var change in changes)
            {
                if (change.CreatedUtc > settledBefore) break;
                settled = change.Id;
            }
            var count = 0;
            await searchIndex.WriteAsync(writer => count = Apply(searchIndex, writer, changes), cancellationToken,
                appliedThrough: settled, appliedAtUtc: _clock.GetUtcNow().UtcDateTime);
            applied += count;
            if (changes.Count < FollowBatch || settled != changes[^1].Id)
            {
                return applied;
            }
        }
    }

    private const int FollowBatch = 2000;

    public async Task<SearchResults> SearchAsync(string index, SearchQuery query, CancellationToken cancellationToken = default)
    {
        var searchIndex = Open(index);
        var take = Math.Clamp(query.Take, 0, 1000);
        var skip = Math.Max(query.Skip, 0);
        var text = query.Text.Trim();
        var synonyms = text.Length == 0 ? SynonymSet.Empty : await _synonyms.CurrentAsync(cancellationToken);
        var lucene = text.Length == 0 ? new MatchAllDocsQuery() : BuildQuery(text, synonyms);
        var sort = query.Sort == SearchSort.Newest || text.Length == 0
            ? new Sort(new SortField(SearchFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE)
            : null;
        return searchIndex.Read(searcher => Collect(searcher, lucene, Filter(query.Filters), sort, skip, take, query.Highlight));
    }

    public Task<SearchResults> SimilarAsync(string index, string text, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters, int take, CancellationToken cancellationToken = default)
    {
        var searchIndex = Open(index);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(SearchResults.Empty);
        }
        return Task.FromResult(searchIndex.Read(searcher =>
        {
            var like = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = JapaneseAnalysis.Bigrams,
                FieldNames = [SearchFields.Title, SearchFields.Keywords, SearchFields.Body],
                MinTermFreq = 1,
                MinDocFreq = 1,
                MaxQueryTerms = 40,
                ApplyBoost = true,
            };
            var query = like.Like(new StringReader(text), SearchFields.Body);
            return Collect(searcher, query, Filter(filters), null, 0, Math.Clamp(take, 0, 100), highlight: false);
        }));
    }

    public async Task<int> RebuildAsync(string index, CancellationToken cancellationToken = default)
    {
        var searchIndex = Open(index);
        // The source is read after this point, so it holds every change logged up to it.
        var logged = await _log.LastIdAsync(index, cancellationToken);
        var documents = new List<(string Id, Document Document)>();
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var source = scope.ServiceProvider.GetServices<ISearchIndexSource>().FirstOrDefault(s => s.Index == index)
                ?? throw new InvalidOperationException($"No search index source is registered for the index '{index}'.");
            await foreach (var document in source.ReadAllAsync(cancellationToken))
            {
                documents.Add(ToLucene(document));
            }
        }
        // Readers keep the old contents until the one commit that replaces them all.
        await searchIndex.WriteAsync(writer =>
        {
            writer.DeleteAll();
            foreach (var (_, document) in documents)
            {
                writer.AddDocument(document);
            }
            searchIndex.Latest.Clear();
        }, cancellationToken, appliedThrough: logged, appliedAtUtc: _clock.GetUtcNow().UtcDateTime);
        return documents.Count;
    }

    /// <summary>
    /// Why this node's copy of <paramref name="index"/> should be rebuilt from its source rather than followed, or null:
    /// empty or missing, last brought up to date before the log's oldest kept entries, or too far behind to catch up.
    /// </summary>
    public async Task<string?> RebuildReasonAsync(string index, CancellationToken cancellationToken)
    {
        var searchIndex = Open(index);
        if (searchIndex.Read(s => s.IndexReader.NumDocs) == 0) return "empty";
        if (searchIndex.AppliedAtUtc is { } at && _clock.GetUtcNow().UtcDateTime - at > SearchIndexFiller.LogRetention - TimeSpan.FromDays(1))
        {
            return "older than the change log";
        }
        var behind = await _log.CountAfterAsync(index, searchIndex.AppliedThrough, cancellationToken);
        return behind > FarBehind ? $"{behind} changes behind" : null;
    }

    /// <summary>Beyond this many pending changes a rebuild from the source is quicker than replaying the log.</summary>
    public const int FarBehind = 20_000;

    /// <summary>How many documents the index holds (0 for an index not yet created).</summary>
    public int Count(string index) => Open(index).Read(searcher => searcher.IndexReader.NumDocs);

    public void Dispose()
    {
        lock (_indexes)
        {
            _disposed = true;
            foreach (var index in _indexes.Values)
            {
                index.Dispose();
            }
            _indexes.Clear();
        }
    }

    internal static void CheckName(string index)
    {
        if (!IndexName().IsMatch(index))
        {
            throw new ArgumentException($"Index names are lower-case letters, digits and '-': '{index}'.", nameof(index));
        }
    }

    private SearchIndex Open(string index)
    {
        CheckName(index);
        if (_indexes.TryGetValue(index, out var existing))
        {
            return existing;
        }
        lock (_indexes)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_indexes.TryGetValue(index, out existing))
            {
                // Opened under the lock and only kept when it opened: a folder locked by another process is retried next time.
                existing = new SearchIndex(index, Path.Combine(_root, index));
                _indexes[index] = existing;
            }
            return existing;
        }
    }

    private static (string Id, Document Document) ToLucene(SearchDocument source)
    {
        if (string.IsNullOrWhiteSpace(source.Id))
        {
            throw new ArgumentException("A search document needs an id.", nameof(source));
        }
        var document = new Document
        {
            new StringField(SearchFields.Id, source.Id, Field.Store.YES),
            new TextField(SearchFields.Title, source.Title, Field.Store.YES),
            new TextField(SearchFields.Keywords, source.Keywords, Field.Store.NO),
            new TextField(SearchFields.Body, source.Body, Field.Store.YES),
            new TextField(SearchFields.Title + SearchFields.WordSuffix, source.Title, Field.Store.NO),
            new TextField(SearchFields.Keywords + SearchFields.WordSuffix, source.Keywords, Field.Store.NO),
            new TextField(SearchFields.Body + SearchFields.WordSuffix, source.Body, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Date, (source.Date ?? DateTime.MinValue).Ticks),
        };
        foreach (var (key, values) in source.Tags)
        {
            foreach (var value in values)
            {
                document.Add(new StringField(SearchFields.TagPrefix + key, value, Field.Store.YES));
            }
        }
        return (source.Id, document);
    }

    /// <summary>Phrasing stripped; each of the query and its synonyms as bigram and word terms over the weighted fields.</summary>
    internal static Query BuildQuery(string text, SynonymSet synonyms)
    {
        var stripped = QuestionPhrasing.Strip(text);
        var query = new BooleanQuery();
        AddText(query, stripped, 1f);
        foreach (var group in synonyms.Expand(stripped))
        {
            foreach (var synonym in group)
            {
                AddText(query, synonym, SynonymWeight / group.Count);
            }
        }
        return query;
    }

    private static void AddText(BooleanQuery query, string text, float weight)
    {
        var bigrams = Terms(JapaneseAnalysis.Bigrams, SearchFields.Title, text).Distinct().ToList();
        var words = Terms(JapaneseAnalysis.Words, SearchFields.Title + SearchFields.WordSuffix, text).Distinct().ToList();
        foreach (var (field, boost) in SearchFields.Weighted)
        {
            foreach (var term in bigrams.TakeWhile(_ => query.Clauses.Count < MaxClauses))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost * weight }, Occur.SHOULD);
            }
            foreach (var term in words.TakeWhile(_ => query.Clauses.Count < MaxClauses))
            {
                query.Add(new TermQuery(new Term(field + SearchFields.WordSuffix, term)) { Boost = boost * weight * WordBoost }, Occur.SHOULD);
            }
        }
    }

    internal static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxTermsPerText)
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    private static Filter? Filter(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        if (filters is null || filters.Count == 0)
        {
            return null;
        }
        var all = new BooleanQuery();
        foreach (var (key, values) in filters)
        {
            var any = new BooleanQuery();
            foreach (var value in values)
            {
                any.Add(new TermQuery(new Term(SearchFields.TagPrefix + key, value)), Occur.SHOULD);
            }
            // A key with no allowed values matches nothing.
            all.Add(values.Count == 0 ? new TermQuery(new Term(SearchFields.Id, "\0")) : any, Occur.MUST);
        }
        return new QueryWrapperFilter(all);
    }

    private static SearchResults Collect(IndexSearcher searcher, Query query, Filter? filter, Sort? sort, int skip, int take, bool highlight)
    {
        var wanted = Math.Max(1, skip + take);
        var top = sort is null ? searcher.Search(query, filter, wanted) : searcher.Search(query, filter, wanted, sort, doDocScores: true, doMaxScore: false);
        var highlighter = highlight ? new SnippetHighlighter(query) : null;
        var hits = new List<SearchHit>();
        foreach (var scoreDoc in top.ScoreDocs.Skip(skip).Take(take))
        {
            var document = searcher.Doc(scoreDoc.Doc);
            var tags = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var group in document.Fields.Where(f => f.Name.StartsWith(SearchFields.TagPrefix, StringComparison.Ordinal)).GroupBy(f => f.Name))
            {
                tags[group.Key[SearchFields.TagPrefix.Length..]] = group.Select(f => f.GetStringValue()).ToList();
            }
            var title = document.Get(SearchFields.Title) ?? "";
            var body = document.Get(SearchFields.Body) ?? "";
            hits.Add(new SearchHit(
                document.Get(SearchFields.Id),
                float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score,
                highlighter?.Title(title) ?? "",
                highlighter?.Snippet(body) ?? "",
                tags));
        }
        return new SearchResults(top.TotalHits, hits);
    }

    /// <summary>HTML-encoded text with the query's terms in &lt;mark&gt;; the start of the text where nothing matched.</summary>
    private sealed class SnippetHighlighter(Query query)
    {
        private readonly HtmlTextEncoder _encoder = new();
        private readonly SimpleHTMLFormatter _formatter = new("<mark>", "</mark>");

        public string Title(string text) => Highlight(text, SearchFields.Title, new NullFragmenter()) ?? _encoder.EncodeText(text);

        public string Snippet(string text) =>
            Highlight(text, SearchFields.Body, new SimpleFragmenter(SnippetLength))
            ?? _encoder.EncodeText(text.Length <= SnippetLength ? text : text[..SnippetLength] + "…");

        private string? Highlight(string text, string field, IFragmenter fragmenter)
        {
            if (text.Length == 0)
            {
                return null;
            }
            var highlighter = new Highlighter(_formatter, _encoder, new QueryScorer(query, field)) { TextFragmenter = fragmenter, MaxDocCharsToAnalyze = 50_000 };
            using var tokens = JapaneseAnalysis.Bigrams.GetTokenStream(field, text);
            var fragments = highlighter.GetBestFragments(tokens, text, 2);
            return fragments.Length == 0 ? null : string.Join(" … ", fragments);
        }
    }
}
