using System.Globalization;
using System.Text;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Search;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Feedback;
using Kocho.Faq.Public;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Search;

/// <summary>
/// FAQ search over the "faq" index for the public site (公開 only, checked again against the database so that an entry
/// past its publish-to date never shows) and for staff (公開 and 内部). Searches that find nothing are counted for gap analysis.
/// </summary>
public sealed class FaqSearch(ISearchService search, FaqPublicCatalog catalog, FaqDbContext db, UnitOfWork unitOfWork, TimeProvider clock)
{
    public sealed record Hit(int Number, FaqVersion Version, SearchHit SearchHit);

    public async Task<(int Total, IReadOnlyList<Hit> Hits)> PublicAsync(string text, int skip, int take, bool highlight, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return (0, []);
        var results = await search.SearchAsync(FaqSearchDocuments.Index, new SearchQuery
        {
            Text = text.Trim(), Skip = skip, Take = take, Highlight = highlight,
            Filters = new Dictionary<string, IReadOnlyList<string>> { [FaqSearchDocuments.VisibilityTag] = [FaqSearchDocuments.Public] },
        }, cancellationToken);
        var numbers = Numbers(results);
        var live = await catalog.FindManyAsync(numbers, cancellationToken);
        var hits = results.Hits.Where(h => int.TryParse(h.Id, CultureInfo.InvariantCulture, out var n) && live.ContainsKey(n))
            .Select(h => { var e = live[int.Parse(h.Id, CultureInfo.InvariantCulture)]; return new Hit(e.Number, e.Version, h); }).ToList();
        var total = results.Total - (results.Hits.Count - hits.Count);
        return (Math.Max(total, hits.Count), hits);
    }

    /// <summary>Call-center search: every entry on the site, public and internal.</summary>
    public async Task<(int Total, IReadOnlyList<Hit> Hits)> StaffAsync(string text, int skip, int take, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return (0, []);
        var results = await search.SearchAsync(FaqSearchDocuments.Index, new SearchQuery { Text = text.Trim(), Skip = skip, Take = take, Highlight = true }, cancellationToken);
        var numbers = Numbers(results);
        var today = JapanTime.Today(clock);
        var live = await (from e in db.Entries.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on e.LiveVersionId equals v.Id
                          where numbers.Contains(e.Number)
                          select new { e.Number, Version = v }).ToDictionaryAsync(x => x.Number, x => x.Version, cancellationToken);
        var hits = results.Hits.Where(h => int.TryParse(h.Id, CultureInfo.InvariantCulture, out var n) && live.TryGetValue(n, out var v) && v.IsInPublishWindow(today))
            .Select(h => { var n = int.Parse(h.Id, CultureInfo.InvariantCulture); return new Hit(n, live[n], h); }).ToList();
        return (Math.Max(results.Total - (results.Hits.Count - hits.Count), hits.Count), hits);
    }

    /// <summary>Counts a query that found nothing (normalized: NFKC, lower case, single spaces; at most 200 characters).</summary>
    public async Task LogZeroHitAsync(string text, CancellationToken cancellationToken)
    {
        var query = Normalize(text);
        if (query.Length == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                var row = await db.ZeroHitQueries.FirstOrDefaultAsync(z => z.Query == query, ct);
                if (row is null) db.ZeroHitQueries.Add(new FaqZeroHitQuery { Query = query, Count = 1, FirstAt = now, LastAt = now });
                else { row.Count++; row.LastAt = now; }
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // the same query was logged at the same moment by another request: one count lost, nothing else
        }
    }

    public static string Normalize(string text)
    {
        var folded = (text ?? "").Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var single = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return single.Length > FaqZeroHitQuery.QueryLength ? single[..FaqZeroHitQuery.QueryLength] : single;
    }

    private static List<int> Numbers(SearchResults results) =>
        results.Hits.Select(h => int.TryParse(h.Id, CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n > 0).ToList();
}
