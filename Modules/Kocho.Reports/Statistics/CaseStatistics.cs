using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Reporting;
using Kocho.Reports.Data;
using Kocho.Reports.Facts;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Statistics;

/// <summary>
/// 意見等統計処理 (issue #7 item 1): every figure is a GROUP BY or COUNT on the roll-up's indexed columns, percentiles
/// from a histogram of the business-days column, so a ten-year ward (~1M cases) is never loaded into memory.
/// </summary>
public sealed class CaseStatistics(ReportsDbContext db, CoreDbContext core, DepartmentDirectory departments, ICaseFactsSource source)
{
    public IQueryable<CaseFact> Filtered(ReportFilter filter)
    {
        var facts = db.Facts.AsNoTracking().Where(f => f.ReceivedOn >= filter.From && f.ReceivedOn <= filter.To);
        // "Case id in (the department's cases)" rather than a probe per row: the engine reads the department's
        // rows from its index once instead of looking up every case of the period.
        if (filter.DepartmentId is { } d)
        {
            var ofDepartment = db.Departments.Where(x => x.DepartmentId == d).Select(x => x.CaseId);
            facts = facts.Where(f => ofDepartment.Contains(f.CaseId));
        }
        if (filter.Channel is { } channel) facts = facts.Where(f => f.Channel == channel);
        if (filter.Kind is { } kind) facts = facts.Where(f => f.Kind == kind);
        if (filter.CategoryId is { } c)
        {
            var ofCategory = db.Categories.Where(x => x.CategoryId == c).Select(x => x.CaseId);
            facts = facts.Where(f => ofCategory.Contains(f.CaseId));
        }
        return facts;
    }

    public async Task<StatisticsReport> ComputeAsync(ReportFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var facts = Filtered(filter);
        // One pass over the period's rows (along the covering index of 受付日) gives every count by month, channel,
        // kind, lead department, status and open: the breakdowns below are sums of these cells, not one scan each.
        var cells = await facts.GroupBy(f => new { f.Month, f.Channel, f.Kind, f.Status, f.LeadDepartmentId, f.IsOpen })
            .Select(g => new Cell(g.Key.Month, g.Key.Channel, g.Key.Kind, g.Key.Status, g.Key.LeadDepartmentId, g.Key.IsOpen, g.Count()))
            .ToListAsync(cancellationToken);
        var byMonth = cells.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var previousByMonth = await Filtered(filter.PreviousYear()).GroupBy(f => f.Month).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
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
        var byCategory = await (from c in db.Categories join f in facts on c.CaseId equals f.CaseId group c by new { f.Month, c.CategoryId } into g
                                select new { g.Key.Month, g.Key.CategoryId, Count = g.Count() }).ToListAsync(cancellationToken);

        var breakdowns = new List<Breakdown>
        {
            Build("channel", "受付媒体別", cells.Select(c => (c.Channel, c.Month, c.Count)), c => channels.GetValueOrDefault(c, "")),
            Build("kind", "種別", cells.Select(c => (c.Kind, c.Month, c.Count)), c => kinds.GetValueOrDefault(c, "")),
            Build("category", "分類別", byCategory.Select(c => (c.CategoryId, c.Month, c.Count)), c => categoryNames.GetValueOrDefault(c, "")),
            Build("department", "所属別（主管課）", cells.Select(c => (c.LeadDepartmentId, c.Month, c.Count)), d => d is { } id ? departmentNames.GetValueOrDefault(id, "") : "未転送"),
            Build("status", "進捗状況別", cells.Select(c => (c.Status, c.Month, c.Count)), c => statuses.GetValueOrDefault(c, "")),
        };

        return new StatisticsReport(filter, byMonth.Values.Sum(), previousByMonth.Values.Sum(), years, months, breakdowns,
            await AnswerTimesAsync(facts, cancellationToken),
            cells.Where(c => c.IsOpen).Sum(c => c.Count),
            await facts.CountAsync(f => f.IsOpen && f.AnswerDue != null && f.AnswerDue < today, cancellationToken));
    }

    /// <summary>
    /// Median and 90th percentile (nearest rank) of 回答日数, and the share answered by 回答期限, from one histogram of the
    /// answered cases (business days × answered by the due date: a few hundred rows at most), never from the rows themselves.
    /// </summary>
    public static async Task<AnswerTimes> AnswerTimesAsync(IQueryable<CaseFact> facts, CancellationToken cancellationToken)
    {
        var histogram = await facts.Where(f => f.BusinessDaysToAnswer != null)
            .GroupBy(f => new { Days = f.BusinessDaysToAnswer!.Value, f.AnsweredByDue })
            .Select(g => new { g.Key.Days, g.Key.AnsweredByDue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var count = histogram.Sum(h => h.Count);
        var withDue = histogram.Where(h => h.AnsweredByDue != null).Sum(h => h.Count);
        var byDue = histogram.Where(h => h.AnsweredByDue == true).Sum(h => h.Count);
        if (count == 0) return new AnswerTimes(0, null, null, withDue, byDue);
        var days = histogram.GroupBy(h => h.Days).Select(g => (Days: g.Key, Count: g.Sum(h => h.Count))).OrderBy(d => d.Days).ToList();
        int At(int offset)
        {
            foreach (var (value, n) in days)
            {
                if (offset < n) return value;
                offset -= n;
            }
            throw new InvalidOperationException("offset past the histogram");
        }
        double median = count % 2 == 1 ? At(count / 2) : (At(count / 2 - 1) + At(count / 2)) / 2.0;
        return new AnswerTimes(count, median, At((int)Math.Ceiling(0.9 * count) - 1), withDue, byDue);
    }

    public static IReadOnlyList<int> MonthsOf(ReportFilter filter)
    {
        var months = new List<int>();
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To && months.Count < 240; m = m.AddMonths(1)) months.Add(m.Year * 100 + m.Month);
        return months;
    }

    private sealed record Cell(int Month, int Channel, int Kind, int Status, Guid? LeadDepartmentId, bool IsOpen, int Count);

    private static Breakdown Build<T>(string key, string title, IEnumerable<(T Key, int Month, int Count)> cells, Func<T, string> label) =>
        new(key, title, cells.GroupBy(c => c.Key)
            .Select(g => new BreakdownRow(label(g.Key), g.Sum(c => c.Count), g.GroupBy(c => c.Month).ToDictionary(m => m.Key, m => m.Sum(c => c.Count))))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal).ToList());
}
