using System.Text.Json;
using Kocho.Core.Search.Synonyms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Search;

/// <summary>Reads the search change log (written by <see cref="SearchChangeFeed"/> in the modules' own transactions) for this node's follower.</summary>
public sealed class SearchChangeLog(IServiceScopeFactory scopes, TimeProvider clock)
{
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

    /// <summary>How many changes of <paramref name="index"/> come after <paramref name="after"/> (how far behind a node is).</summary>
    public async Task<int> CountAfterAsync(string index, long after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        return await db.Changes.CountAsync(c => c.Index == index && c.Id > after, cancellationToken);
    }

    /// <summary>The indexes with changes after <paramref name="after"/> (a range of the primary key: cheap however long the log), and the newest change.</summary>
    public async Task<(List<string> Indexes, long Newest)> IndexesAfterAsync(long after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var newest = await db.Changes.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        if (newest <= after) return ([], newest);
        var indexes = await db.Changes.Where(c => c.Id > after && c.Id <= newest).Select(c => c.Index).Distinct().ToListAsync(cancellationToken);
        return (indexes, newest);
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
