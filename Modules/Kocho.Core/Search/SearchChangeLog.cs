using System.Text.Json;
using Kocho.Core.Search.Synonyms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Search;

/// <summary>The search change log in the database, each call in its own short transaction (indexing runs after the module's commit).</summary>
public sealed class SearchChangeLog(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Appends the changes in order; returns their sequence numbers in the same order.</summary>
    public async Task<IReadOnlyList<long>> AppendAsync(string index, IReadOnlyList<(string Id, SearchDocument? Document)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return [];
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = changes.Select(c => new SearchChange
        {
            Index = index,
            DocumentId = c.Id,
            Document = c.Document is null ? null : JsonSerializer.Serialize(c.Document),
            CreatedUtc = now,
        }).ToList();
        db.Changes.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(r => r.Id).ToList();
    }

    public async Task<List<SearchChange>> ReadAfterAsync(string index, long after, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        return await db.Changes.AsNoTracking().Where(c => c.Index == index && c.Id > after).OrderBy(c => c.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<long> LastIdAsync(string index, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        return await db.Changes.Where(c => c.Index == index).MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    public async Task<List<string>> IndexesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        return await db.Changes.Select(c => c.Index).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Deletes every change of <paramref name="ids"/> but the newest of each, which every node still applies.</summary>
    public async Task<int> ForgetSupersededAsync(string index, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var removed = 0;
        foreach (var chunk in ids.Distinct().Chunk(200))
        {
            var newest = await db.Changes.Where(c => c.Index == index && chunk.Contains(c.DocumentId))
                .GroupBy(c => c.DocumentId).Select(g => g.Max(c => c.Id)).ToListAsync(cancellationToken);
            removed += await db.Changes.Where(c => c.Index == index && chunk.Contains(c.DocumentId) && !newest.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        return removed;
    }

    /// <summary>Forgets changes older than <paramref name="age"/>; a node that was away longer rebuilds.</summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var before = clock.GetUtcNow().UtcDateTime - age;
        return await db.Changes.Where(c => c.CreatedUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    public static SearchDocument? Read(SearchChange change) =>
        change.Document is null ? null : JsonSerializer.Deserialize<SearchDocument>(change.Document);
}
