using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Search;

/// <summary>
/// Keeps this node's indexes in step (each node owns its index folder). At start, an index that is empty or missing
/// (a new node, a deleted folder) or far behind is filled from its module's <see cref="ISearchIndexSource"/>; then, every few
/// seconds, the change log brings in what other nodes and CLI verbs indexed. Old log entries are pruned daily.
/// </summary>
public sealed class SearchIndexFiller(LuceneSearchService search, SearchChangeLog log, IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchIndexFiller> logger) : BackgroundService
{
    public static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LogRetention = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        List<string> sources;
        await using (var scope = scopes.CreateAsyncScope())
        {
            sources = scope.ServiceProvider.GetServices<ISearchIndexSource>().Select(s => s.Index).Distinct().ToList();
        }
        foreach (var index in sources)
        {
            await GuardAsync(index, async () =>
            {
                if (await search.RebuildReasonAsync(index, stoppingToken) is { } reason)
                {
                    var count = await search.RebuildAsync(index, stoppingToken);
                    logger.LogInformation("Search index {Index} was rebuilt ({Reason}) and now holds {Count} documents.", index, reason, count);
                }
            });
        }
        var pruned = DateTimeOffset.MinValue;
        var seen = 0L;
        var indexes = new HashSet<string>(sources, StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FollowInterval, clock, stoppingToken);
                // Indexes without a source (written by verbs or tests only) are found in the log's new entries.
                var (logged, newest) = await log.IndexesAfterAsync(seen, stoppingToken);
                indexes.UnionWith(logged);
                seen = newest;
                foreach (var index in indexes)
                {
                    await GuardAsync(index, () => search.FollowAsync(index, stoppingToken));
                }
                if (clock.GetUtcNow() - pruned > TimeSpan.FromDays(1))
                {
                    await log.PruneAsync(LogRetention, stoppingToken);
                    pruned = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be unreachable for a moment (or the site not set up yet): try again next round.
                logger.LogWarning(ex, "The search change log could not be read.");
            }
        }
    }

    private async Task GuardAsync(string index, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (LockObtainFailedException)
        {
            // Another process of this node holds the writer (a CLI verb, or a second host on a shared SQLite folder).
            logger.LogDebug("Search index {Index} is in use by another process.", index);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Search index {Index} could not be brought up to date.", index);
        }
    }
}
