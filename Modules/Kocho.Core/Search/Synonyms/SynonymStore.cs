using Kocho.Core.Audit;
using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Search.Synonyms;

/// <summary>Reads and replaces the synonym list; a replacement is one transaction with its audit entry, effective for the next query.</summary>
public sealed class SynonymStore(SearchDbContext db, UnitOfWork unitOfWork, IAuditTrail audit, SearchSynonyms synonyms, TimeProvider clock)
{
    public async Task<List<string[]>> ReadAsync(CancellationToken cancellationToken) =>
        (await db.Synonyms.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => s.Terms).ToListAsync(cancellationToken))
            .Select(t => t.Split(SearchSynonym.Separator, StringSplitOptions.RemoveEmptyEntries)).ToList();

    public async Task ReplaceAsync(IReadOnlyList<string[]> groups, CancellationToken cancellationToken)
    {
        await unitOfWork.ExecuteAsync(async ct =>
        {
            await ReplaceRowsAsync(groups, ct);
            await audit.RecordAsync(new AuditEntry("search.synonyms.updated", "SearchSynonyms", null, $"{groups.Count} groups"), ct);
        }, cancellationToken);
        synonyms.Invalidate();
    }

    /// <summary>Inside the caller's transaction (the recipe step's).</summary>
    public async Task ReplaceRowsAsync(IReadOnlyList<string[]> groups, CancellationToken cancellationToken)
    {
        db.Synonyms.RemoveRange(await db.Synonyms.ToListAsync(cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < groups.Count; i++)
        {
            db.Synonyms.Add(new SearchSynonym { SortOrder = i, Terms = string.Join(SearchSynonym.Separator, groups[i]), UpdatedUtc = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        synonyms.Invalidate();
    }
}
