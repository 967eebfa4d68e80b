using System.Text.Json;
using Kocho.Core.Data;
using Kocho.Core.Search.Synonyms;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Search;

/// <summary>
/// The search changes of one unit of work (#12): written to <c>core_search_changes</c> as the last step of the
/// module's own transaction, so the change and its index entry commit together; after the commit this node applies
/// them to its index at once, and every other node tails them from the log. On PostgreSQL the rows are written under
/// a transaction-level advisory lock held until the commit, so their sequence numbers commit in order.
/// </summary>
public sealed class SearchChangeFeed(UnitOfWork unitOfWork, SearchDbContext db, LuceneSearchService search, TimeProvider clock)
{
    /// <summary>pg_advisory_xact_lock key of the feed's writers ("kocho-sf").</summary>
    public const long WriterLockKey = 0x6B6F63686F2D7366;

    private readonly List<(string Index, string Id, SearchDocument? Document)> _pending = [];
    private long _transaction = -1;

    /// <summary>Adds or replaces documents by id when the surrounding transaction commits.</summary>
    public void Index(string index, IEnumerable<SearchDocument> documents)
    {
        foreach (var document in documents)
        {
            if (string.IsNullOrWhiteSpace(document.Id)) throw new ArgumentException("A search document needs an id.", nameof(documents));
            Add(index, document.Id, document);
        }
    }

    /// <summary>Removes documents by id when the surrounding transaction commits.</summary>
    public void Delete(string index, IEnumerable<string> ids)
    {
        foreach (var id in ids) Add(index, id, null);
    }

    /// <summary>
    /// Every node rebuilds <paramref name="index"/> from its source once the surrounding transaction commits: for a
    /// bulk change (a legacy import of years of cases) that would otherwise log each of its documents.
    /// </summary>
    public void Rebuild(string index) => Add(index, SearchChange.RebuildMarker, null);

    private void Add(string index, string id, SearchDocument? document)
    {
        LuceneSearchService.CheckName(index);
        if (!unitOfWork.InTransaction)
        {
            throw new InvalidOperationException("Search changes are made inside UnitOfWork.ExecuteAsync (or through ISearchService).");
        }
        if (_transaction != unitOfWork.TransactionNumber)
        {
            // What a rolled-back transaction left behind is not written.
            _pending.Clear();
            _transaction = unitOfWork.TransactionNumber;
            unitOfWork.OnCommit(WriteAsync);
        }
        _pending.Add((index, id, document));
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        // Within one action only the last change of a document counts.
        var last = _pending.Select((c, i) => (c, i)).GroupBy(x => (x.c.Index, x.c.Id)).Select(g => g.Last()).OrderBy(x => x.i).Select(x => x.c).ToList();
        _pending.Clear();
        _transaction = -1;
        if (unitOfWork.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [WriterLockKey], cancellationToken);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = last.Select(c => new SearchChange
        {
            Index = c.Index,
            DocumentId = c.Id,
            Document = c.Document is null ? null : JsonSerializer.Serialize(c.Document),
            CreatedUtc = now,
        }).ToList();
        db.Changes.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        unitOfWork.OnCommitted(ct => search.ApplyCommittedAsync(rows, ct));
    }
}
