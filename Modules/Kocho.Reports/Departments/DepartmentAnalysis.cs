using Kocho.Core.Data;
using Kocho.Core.Reporting;
using Kocho.Reports.Data;
using Kocho.Reports.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Departments;

/// <summary>
/// 意見等データ抽出･分析（所属毎） (issue #7 item 2): a department's top categories, the words rising in its cases'
/// redacted text month by month (search analysis, counted per case in the roll-up), and the matching cases.
/// </summary>
public sealed class DepartmentAnalysis(ReportsDbContext db, CoreDbContext core, CaseStatistics statistics, ICaseFactsSource source)
{
    public const int CaseLimit = 100;

    public async Task<DepartmentReport> ComputeAsync(ReportFilter filter, string? term, CancellationToken cancellationToken)
    {
        var facts = statistics.Filtered(filter);
        var categoryNames = await core.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var topCategories = (await (from c in db.Categories join f in facts on c.CaseId equals f.CaseId
                                    group c by c.CategoryId into g orderby g.Count() descending
                                    select new { g.Key, Count = g.Count() }).Take(10).ToListAsync(cancellationToken))
            .Select(x => new LabelCount(categoryNames.GetValueOrDefault(x.Key, ""), x.Count)).ToList();

        var months = CaseStatistics.MonthsOf(filter);
        // The month before the period too, so that its first month has something to rise from.
        var before = Filtered(filter with { From = new DateOnly(filter.From.Year, filter.From.Month, 1).AddMonths(-1) });
        var counts = await (from t in db.Terms join f in before on t.CaseId equals f.CaseId
                            group t by new { t.Month, t.Term } into g where g.Count() >= 2
                            select new { g.Key.Month, g.Key.Term, Count = g.Count() }).ToListAsync(cancellationToken);
        var byTerm = counts.ToLookup(c => c.Month);
        var rising = new List<RisingTerms>();
        foreach (var month in months)
        {
            var previousMonth = PreviousMonth(month);
            var previous = byTerm[previousMonth].ToDictionary(c => c.Term, c => c.Count);
            var top = byTerm[month].Select(c => new RisingTerm(c.Term, c.Count, previous.GetValueOrDefault(c.Term)))
                .Where(r => r.Count > r.PreviousMonth).OrderByDescending(r => r.Count - r.PreviousMonth).ThenByDescending(r => r.Count).ThenBy(r => r.Term, StringComparer.Ordinal)
                .Take(5).ToList();
            rising.Add(new RisingTerms(month, top));
        }

        var matching = string.IsNullOrWhiteSpace(term) ? facts : facts.Where(f => db.Terms.Any(t => t.CaseId == f.CaseId && t.Term == term));
        var total = await matching.CountAsync(cancellationToken);
        var statuses = source.Statuses.ToDictionary(s => s.Code, s => s.Label);
        var kinds = source.Kinds.ToDictionary(s => s.Code, s => s.Label);
        var cases = (await matching.OrderByDescending(f => f.ReceivedOn).ThenByDescending(f => f.ReceiptNumber).Take(CaseLimit)
                .Select(f => new { f.CaseId, f.ReceiptNumber, f.ReceivedOn, f.Kind, f.Status }).ToListAsync(cancellationToken))
            .Select(f => new MatchingCase(f.ReceiptNumber, f.ReceivedOn, kinds.GetValueOrDefault(f.Kind, ""), statuses.GetValueOrDefault(f.Status, ""), source.CasePath(f.CaseId)))
            .ToList();
        return new DepartmentReport(topCategories, rising, total, cases);
    }

    private IQueryable<Facts.CaseFact> Filtered(ReportFilter filter) => statistics.Filtered(filter);

    private static int PreviousMonth(int month) => month % 100 == 1 ? month - 100 + 11 : month - 1;
}
