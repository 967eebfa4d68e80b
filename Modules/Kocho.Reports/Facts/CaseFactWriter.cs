using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Reporting;
using Kocho.Core.Search.Analysis;
using Kocho.Reports.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Reports.Facts;

/// <summary>
/// Writes a case's row of the roll-up as the case now is (replacing the old one), and rebuilds the whole roll-up
/// from <see cref="ICaseFactsSource"/> a batch per transaction (<c>reports rebuild</c>, and at start when empty).
/// </summary>
public sealed class CaseFactWriter(ReportsDbContext db, UnitOfWork unitOfWork, ICaseFactsSource source, BusinessCalendarService calendars)
{
    private const int BatchSize = 500;

    /// <summary>Words kept per case for 上昇語: the first ones of its text are enough and bound the table.</summary>
    private const int TermsPerCase = 30;

    public async Task RefreshAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var facts = await source.FindAsync(caseId, cancellationToken);
        var calendar = await calendars.LoadAsync(cancellationToken);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            await DeleteAsync([caseId], ct);
            if (facts is not null) Add(facts, calendar);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Replaces the roll-up with the current facts of every case; reports the number of cases written so far.</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var total = await source.CountAsync(cancellationToken);
        var calendar = await calendars.LoadAsync(cancellationToken);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            await db.Terms.ExecuteDeleteAsync(ct);
            await db.Categories.ExecuteDeleteAsync(ct);
            await db.Departments.ExecuteDeleteAsync(ct);
            await db.Facts.ExecuteDeleteAsync(ct);
        }, cancellationToken);
        var done = 0;
        var batch = new List<CaseFacts>(BatchSize);
        async Task FlushAsync()
        {
            await unitOfWork.ExecuteAsync(async ct =>
            {
                await DeleteAsync(batch.Select(f => f.CaseId).ToList(), ct);
                foreach (var facts in batch) Add(facts, calendar);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
            db.ChangeTracker.Clear();
            done += batch.Count;
            batch.Clear();
            progress?.Report((done, total));
        }
        await foreach (var facts in source.ReadAllAsync(cancellationToken))
        {
            batch.Add(facts);
            if (batch.Count == BatchSize) await FlushAsync();
        }
        if (batch.Count > 0) await FlushAsync();
        return done;
    }

    private async Task DeleteAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await db.Terms.Where(t => ids.Contains(t.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Categories.Where(t => ids.Contains(t.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Departments.Where(t => ids.Contains(t.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Facts.Where(t => ids.Contains(t.CaseId)).ExecuteDeleteAsync(cancellationToken);
    }

    private void Add(CaseFacts facts, BusinessCalendar calendar)
    {
        var month = facts.ReceivedOn.Year * 100 + facts.ReceivedOn.Month;
        db.Facts.Add(new CaseFact
        {
            CaseId = facts.CaseId,
            ReceiptNumber = facts.ReceiptNumber,
            FiscalYear = facts.FiscalYear,
            Month = month,
            ReceivedOn = facts.ReceivedOn,
            Channel = facts.Channel,
            Kind = facts.Kind,
            Status = facts.Status,
            IsOpen = facts.IsOpen,
            LeadDepartmentId = facts.LeadDepartmentId,
            AnswerDue = facts.AnswerDue,
            AnsweredOn = facts.AnsweredOn,
            BusinessDaysToAnswer = facts.AnsweredOn is { } answered ? Math.Max(0, calendar.BusinessDaysBetween(facts.ReceivedOn, answered)) : null,
            AnsweredByDue = facts.AnsweredOn is { } on && facts.AnswerDue is { } due ? on <= due : null,
        });
        foreach (var d in facts.DepartmentIds.Distinct()) db.Departments.Add(new CaseFactDepartment { CaseId = facts.CaseId, DepartmentId = d });
        foreach (var c in facts.CategoryIds.Distinct()) db.Categories.Add(new CaseFactCategory { CaseId = facts.CaseId, CategoryId = c });
        foreach (var term in TextTerms.Words(facts.RedactedText).Where(t => t.Length <= CaseFactTerm.MaxLength).Take(TermsPerCase))
        {
            db.Terms.Add(new CaseFactTerm { CaseId = facts.CaseId, Term = term, Month = month });
        }
    }
}
