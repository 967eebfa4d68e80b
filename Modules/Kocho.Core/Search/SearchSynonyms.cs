using Kocho.Core.Search.Synonyms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Search;

/// <summary>
/// The synonym list as queries see it: read from the database and cached for a short while. An edit on this node
/// calls <see cref="Invalidate"/> (effective for the next query); other nodes pick it up within <see cref="MaxAge"/>.
/// </summary>
public sealed class SearchSynonyms(IServiceScopeFactory scopes, TimeProvider time, ILogger<SearchSynonyms> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Cached? _cached;

    private sealed record Cached(SynonymSet Set, DateTimeOffset LoadedAt);

    public async Task<SynonymSet> CurrentAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && time.GetUtcNow() - cached.LoadedAt < MaxAge)
        {
            return cached.Set;
        }
        await _loading.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            if (cached is not null && time.GetUtcNow() - cached.LoadedAt < MaxAge)
            {
                return cached.Set;
            }
            var set = await LoadAsync(cancellationToken) ?? cached?.Set ?? SynonymSet.Empty;
            _cached = new Cached(set, time.GetUtcNow());
            return set;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _cached = null;

    private async Task<SynonymSet?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
            var rows = await db.Synonyms.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => s.Terms).ToListAsync(cancellationToken);
            return new SynonymSet(rows.Select(r => r.Split(SearchSynonym.Separator, StringSplitOptions.RemoveEmptyEntries)));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Searching goes on without synonyms (e.g. before the site is set up); the log says why.
            logger.LogWarning(ex, "The search synonym list could not be read.");
            return null;
        }
    }
}
