using System.Runtime.CompilerServices;
using Kocho.Core.Calendar;
using Kocho.Core.Reporting;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Search;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Reporting;

/// <summary>
/// Opinion cases as Reports counts them (issue #7): codes, dates and the text the search index holds (personal data
/// masked), read a page at a time in 受付番号 order.
/// </summary>
public sealed class CaseFactsSource(OpinionsDbContext db, CaseQueries queries, CaseSearchDocuments documents) : ICaseFactsSource
{
    private const int PageSize = 500;

    private static readonly CaseStatus[] Done = [CaseStatus.Answered, CaseStatus.Completed, CaseStatus.NoAnswerNeeded];

    public IReadOnlyList<(int Code, string Label)> Channels { get; } = Enum.GetValues<Channel>().Select(c => ((int)c, OpinionLabels.Of(c))).ToList();
    public IReadOnlyList<(int Code, string Label)> Kinds { get; } = Enum.GetValues<CaseKind>().Select(c => ((int)c, OpinionLabels.Of(c))).ToList();
    public IReadOnlyList<(int Code, string Label)> Statuses { get; } = Enum.GetValues<CaseStatus>().Select(c => ((int)c, OpinionLabels.Of(c))).ToList();

    public string CasePath(Guid caseId) => $"/admin/opinions/{caseId}";

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Cases.CountAsync(cancellationToken);

    public async Task<CaseFacts?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var c = await Cases().FirstOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        return c is null ? null : await ToFactsAsync(c, cancellationToken);
    }

    public async IAsyncEnumerable<CaseFacts> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in queries.InReceiptOrderAsync(Cases(), PageSize, cancellationToken))
        {
            foreach (var c in page) yield return await ToFactsAsync(c, cancellationToken);
        }
    }

    private IQueryable<OpinionCase> Cases() =>
        db.Cases.AsNoTracking().AsSplitQuery().Include(c => c.Categories).Include(c => c.Forwardings);

    private async Task<CaseFacts> ToFactsAsync(OpinionCase c, CancellationToken cancellationToken)
    {
        // The case is already read with what the document needs: building it from the loaded case avoids a read per case.
        var document = await documents.BuildAsync(c, cancellationToken);
        var active = c.Forwardings.Where(f => f.IsActive).ToList();
        return new CaseFacts(
            c.Id, c.ReceiptNumber, c.FiscalYear, c.ReceivedOn, (int)c.Channel, (int)c.Kind, (int)c.Status, !Done.Contains(c.Status),
            active.Count > 0 ? c.LeadDepartmentId : null,
            active.Select(f => f.DepartmentId).Distinct().ToList(),
            c.Categories.Select(x => x.CategoryId).Distinct().ToList(),
            c.AnswerDue,
            c.AnsweredAt is { } answered ? DateOnly.FromDateTime(JapanTime.ToJst(answered)) : null,
            document.Title + "\n" + document.Body);
    }
}
