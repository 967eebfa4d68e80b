using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kocho.Core.Search;

/// <summary>
/// Each node owns its index folder: on start, an index that is empty or missing (a new node, a deleted folder)
/// is filled from its module's <see cref="ISearchIndexSource"/>, in the background.
/// </summary>
public sealed class SearchIndexFiller(LuceneSearchService search, IServiceScopeFactory scopes, ILogger<SearchIndexFiller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        List<string> indexes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            indexes = scope.ServiceProvider.GetServices<ISearchIndexSource>().Select(s => s.Index).Distinct().ToList();
        }
        foreach (var index in indexes)
        {
            try
            {
                if (search.Count(index) == 0)
                {
                    var count = await search.RebuildAsync(index, stoppingToken);
                    logger.LogInformation("Search index {Index} was empty and now holds {Count} documents.", index, count);
                }
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                // Another process of this node (a CLI verb, a second host on a shared folder) holds the writer.
                logger.LogInformation("Search index {Index} is in use by another process; it is not filled from here.", index);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Search index {Index} could not be filled from its source.", index);
            }
        }
    }
}
