using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Reports.Data;
using Kocho.Reports.Facts;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Statistics;

/// <summary>
/// 意見等統計処理 (issue #7 item 1): every figure is a GROUP BY or COUNT on the roll-up's indexed columns, percentiles
/// by ORDER BY + OFFSET on the business-days column, so a ten-year ward (~1M cases) is never loaded into memory.
/// </summary>
public sealed class CaseStatistics(ReportsDbContext db, CoreDbContext core, DepartmentDirectory departments, ICaseFactsSource source)
{
    public IQueryable<CaseFact> Filtered(ReportFilter filter)
    {
        var facts = db.Facts.AsNoTracking().Where(f => f.ReceivedOn >= filter.From && f.ReceivedOn <= filter.To);
        if (filter.DepartmentId is { } d) facts = facts.Where(f => db.Departments.Any(x => x.CaseId == f.CaseId && x.DepartmentId == d));
        if (filter.Channel is { } channel) facts = facts.Where(f => f.Channel == channel);
        if (filter.Kind is { } kind) facts = facts.Where(f => f.Kind == kind);
        if (filter.CategoryId is { } c) facts = facts.Where(f => db.Categories.Any(x => x.CaseId == f.CaseId && x.CategoryId == c));
        return facts;
    }

    public async Task<StatisticsReport> ComputeAsync(ReportFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var facts = Filtered(filter);
        var previous = Filtered(filter.PreviousYear());
        var byMonth = await facts.GroupBy(f => f.Month).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var previousByMonth = await previous.GroupBy(f => f.Month).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        // 年度 from the month of 受付日 (April starts one), summed from the month counts already read.
        static int YearOf(int month) => month % 100 >= 4 ? month / 100 : month / 100 - 1;
        var years = Enumerable.Range(FiscalYears.Of(filter.From), FiscalYears.Of(filter.To) - FiscalYears.Of(filter.From) + 1)
            .Select(y => new YearCount(y, byMonth.Where(m => YearOf(m.Key) == y).Sum(m => m.Value), previousByMonth.Where(m => YearOf(m.Key) == y - 1).Sum(m => m.Value)))
            .ToList();
        var months = MonthsOf(filter).Select(m => new MonthCount(m, byMonth.GetValueOrDefault(m), previousByMonth.GetValueOrDefault(m - 100))).ToList();

        var departmentNames = (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Name);
        var categoryNames = await core.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var channels = source.Channels.ToDictionary(c => c.Code, c => c.Label);
        var kinds = source.Kinds.ToDictionary(c => c.Code, c => c.Label);
        var statuses = source.Statuses.ToDictionary(c => c.Code, c => c.Label);

        var breakdowns = new List<Breakdown>
        {
            Build("channel", "受付媒体別", await facts.GroupBy(f => new { f.Month, f.Channel }).Select(g => new Cell<int>(g.Key.Channel, g.Key.Month, g.Count())).ToListAsync(cancellationToken), c => channels.GetValueOrDefault(c, "")),
            Build("kind", "種別", await facts.GroupBy(f => new { f.Month, f.Kind }).Select(g => new Cell<int>(g.Key.Kind, g.Key.Month, g.Count())).ToListAsync(cancellationToken), c => kinds.GetValueOrDefault(c, "")),
            Build("category", "分類別", await (from c in db.Categories join f in facts on c.CaseId equals f.CaseId group c by new { f.Month, c.CategoryId } into g select new Cell<Guid>(g.Key.CategoryId, g.Key.Month, g.Count())).ToListAsync(cancellationToken), c => categoryNames.GetValueOrDefault(c, "")),
            Build("department", "所属別（主管課）", await facts.GroupBy(f => new { f.Month, f.LeadDepartmentId }).Select(g => new Cell<Guid?>(g.Key.LeadDepartmentId, g.Key.Month, g.Count())).ToListAsync(cancellationToken), d => d is { } id ? departmentNames.GetValueOrDefault(id, "") : "未転送"),
            Build("status", "進捗状況別", await facts.GroupBy(f => new { f.Month, f.Status }).Select(g => new Cell<int>(g.Key.Status, g.Key.Month, g.Count())).ToListAsync(cancellationToken), c => statuses.GetValueOrDefault(c, "")),
        };

        return new StatisticsReport(filter, byMonth.Values.Sum(), previousByMonth.Values.Sum(), years, months, breakdowns,
            await AnswerTimesAsync(facts, cancellationToken),
            await facts.CountAsync(f => f.IsOpen, cancellationToken),
            await facts.CountAsync(f => f.IsOpen && f.AnswerDue != null && f.AnswerDue < today, cancellationToken));
    }

    /// <summary>Median and 90th percentile (nearest rank) read from the sorted, indexed column: one row each, never all.</summary>
    public static async Task<AnswerTimes> AnswerTimesAsync(IQueryable<CaseFact> facts, CancellationToken cancellationToken)
    {
        var answered = facts.Where(f => f.BusinessDaysToAnswer != null);
        var count = await answered.CountAsync(cancellationToken);
        var withDue = await answered.CountAsync(f => f.AnsweredByDue != null, cancellationToken);
        var byDue = await answered.CountAsync(f => f.AnsweredByDue == true, cancellationToken);
        if (count == 0) return new AnswerTimes(0, null, null, withDue, byDue);
        var sorted = answered.OrderBy(f => f.BusinessDaysToAnswer).Select(f => f.BusinessDaysToAnswer!.Value);
        async Task<int> AtAsync(int offset) => await sorted.Skip(offset).FirstAsync(cancellationToken);
        double median = count % 2 == 1 ? await AtAsync(count / 2) : (await AtAsync(count / 2 - 1) + await AtAsync(count / 2)) / 2.0;
        var p90 = await AtAsync((int)Math.Ceiling(0.9 * count) - 1);
        return new AnswerTimes(count, median, p90, withDue, byDue);
    }

    public static IReadOnlyList<int> MonthsOf(ReportFilter filter)
    {
        var months = new List<int>();
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To && months.Count < 240; m = m.AddMonths(1)) months.Add(m.Year * 100 + m.Month);
        return months;
    }

    private sealed record Cell<T>(T Key, int Month, int Count);

    private static Breakdown Build<T>(string key, string title, List<Cell<T>> cells, Func<T, string> label) =>
        new(key, title, cells.GroupBy(c => c.Key)
            .Select(g => new BreakdownRow(label(g.Key), g.Sum(c => c.Count), g.ToDictionary(c => c.Month, c => c.Count)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList());
}
