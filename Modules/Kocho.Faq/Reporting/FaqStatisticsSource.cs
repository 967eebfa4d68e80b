using Kocho.Core.Reporting;
using Kocho.Faq.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Reporting;

/// <summary>FAQ use for Reports (issue #7 item 5), each figure one aggregate query on FAQ's own tables.</summary>
public sealed class FaqStatisticsSource(FaqDbContext db) : IFaqStatisticsSource
{
    public async Task<IReadOnlyList<FaqEntryStatistics>> TopEntriesAsync(int count, CancellationToken cancellationToken)
    {
        var entries = await db.Entries.AsNoTracking()
            .OrderByDescending(e => e.ViewCount).ThenBy(e => e.Number).Take(count)
            .Select(e => new
            {
                e.Number, e.ViewCount, e.HelpfulCount, e.NotHelpfulCount,
                Question = db.Versions.Where(v => v.Id == (e.LiveVersionId ?? e.WorkingVersionId)).Select(v => v.Question).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var numbers = entries.Select(e => e.Number).ToList();
        var suggestions = await Suggestions(db.SuggestionEvents.Where(s => numbers.Contains(s.EntryNumber)), cancellationToken);
        return entries.Select(e =>
        {
            var (shown, opened) = suggestions.GetValueOrDefault(e.Number);
            return new FaqEntryStatistics(e.Number, e.Question ?? "", e.ViewCount, e.HelpfulCount, e.NotHelpfulCount, shown, opened);
        }).ToList();
    }

    public async Task<FaqEntryStatistics> TotalsAsync(CancellationToken cancellationToken)
    {
        var views = await db.Entries.SumAsync(e => (long)e.ViewCount, cancellationToken);
        var helpful = await db.Entries.SumAsync(e => (long)e.HelpfulCount, cancellationToken);
        var notHelpful = await db.Entries.SumAsync(e => (long)e.NotHelpfulCount, cancellationToken);
        var shown = await db.SuggestionEvents.CountAsync(s => !s.Opened, cancellationToken);
        var opened = await db.SuggestionEvents.CountAsync(s => s.Opened, cancellationToken);
        return new FaqEntryStatistics(0, "", (int)views, (int)helpful, (int)notHelpful, shown, opened);
    }

    public async Task<IReadOnlyList<FaqZeroHitStatistics>> ZeroHitQueriesAsync(int count, CancellationToken cancellationToken) =>
        await db.ZeroHitQueries.AsNoTracking().OrderByDescending(q => q.Count).ThenByDescending(q => q.LastAt).Take(count)
            .Select(q => new FaqZeroHitStatistics(q.Query, q.Count, q.LastAt)).ToListAsync(cancellationToken);

    /// <summary>Per entry number: how often it was suggested (shown) and opened from a suggestion.</summary>
    internal static async Task<Dictionary<int, (int Shown, int Opened)>> Suggestions(IQueryable<Feedback.FaqSuggestionEvent> events, CancellationToken cancellationToken)
    {
        var grouped = await events.GroupBy(s => new { s.EntryNumber, s.Opened }).Select(g => new { g.Key.EntryNumber, g.Key.Opened, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return grouped.GroupBy(g => g.EntryNumber).ToDictionary(g => g.Key,
            g => (g.Where(x => !x.Opened).Sum(x => x.Count), g.Where(x => x.Opened).Sum(x => x.Count)));
    }
}
