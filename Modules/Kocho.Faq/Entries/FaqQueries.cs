using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Faq.Approval;
using Kocho.Faq.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Entries;

/// <summary>
/// Reads for the staff site, filtered in the query by department (<see cref="FaqAccess.ScopeAsync"/>): department staff
/// never receive another department's entries or drafts.
/// </summary>
public sealed class FaqQueries(FaqDbContext db, CoreDbContext core, FaqAccess access, FaqApprovalRoutes routes, TimeProvider clock)
{
    private async Task<IQueryable<FaqRow>> RowsAsync(FaqActor actor, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(actor, cancellationToken);
        var entries = db.Entries.AsNoTracking();
        if (scope is not null && !actor.System)
        {
            var ids = scope.ToList();
            entries = entries.Where(e => ids.Contains(e.OwnerDepartmentId));
        }
        return from v in db.Versions.AsNoTracking()
               where v.VersionNumber == db.Versions.Where(x => x.EntryId == v.EntryId).Max(x => x.VersionNumber)
               join e in entries on v.EntryId equals e.Id
               select new FaqRow
               {
                   EntryId = e.Id, Number = e.Number, Question = v.Question, VersionNumber = v.VersionNumber, Status = v.Status, Live = e.LiveVersionId != null,
                   Visibility = v.Visibility, OwnerDepartmentId = e.OwnerDepartmentId, CategoryId = v.CategoryId, UpdatedAt = e.UpdatedAt,
                   LastReviewedOn = e.LastReviewedOn, ApprovalStep = v.ApprovalStep,
               };
    }

    public async Task<(int Total, IReadOnlyList<FaqRow> Rows)> ListAsync(FaqActor actor, FaqFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(actor, cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            rows = int.TryParse(q, out var number) ? rows.Where(r => r.Number == number || r.Question.Contains(q)) : rows.Where(r => r.Question.Contains(q));
        }
        if (filter.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (filter.Visibility is { } visibility) rows = rows.Where(r => r.Visibility == visibility);
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            var code = filter.Category.Trim();
            var ids = await core.Categories.AsNoTracking().Where(c => c.Code == code || c.Code.StartsWith(code)).Select(c => (Guid?)c.Id).ToListAsync(cancellationToken);
            rows = rows.Where(r => ids.Contains(r.CategoryId));
        }
        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            var code = filter.Department.Trim();
            var id = await core.Departments.AsNoTracking().Where(d => d.Code == code).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
            rows = rows.Where(r => r.OwnerDepartmentId == id);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderBy(r => r.Number).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (total, page);
    }

    /// <summary>承認待ち: versions waiting at a step this actor approves (never their own).</summary>
    public async Task<IReadOnlyList<(FaqRow Row, FaqApprovalStep Step)>> AwaitingApprovalAsync(FaqActor actor, CancellationToken cancellationToken)
    {
        var pending = await (from v in db.Versions.AsNoTracking()
                             where v.Status == FaqVersionStatus.Pending
                             join e in db.Entries.AsNoTracking() on v.Id equals e.WorkingVersionId
                             orderby v.UpdatedAt
                             select new
                             {
                                 Row = new FaqRow
                                 {
                                     EntryId = e.Id, Number = e.Number, Question = v.Question, VersionNumber = v.VersionNumber, Status = v.Status,
                                     Live = e.LiveVersionId != null, Visibility = v.Visibility, OwnerDepartmentId = e.OwnerDepartmentId,
                                     CategoryId = v.CategoryId, UpdatedAt = v.UpdatedAt, LastReviewedOn = e.LastReviewedOn, ApprovalStep = v.ApprovalStep,
                                 },
                                 v.EditedBy,
                                 v.SubmittedBy,
                             }).ToListAsync(cancellationToken);
        var result = new List<(FaqRow, FaqApprovalStep)>();
        foreach (var p in pending)
        {
            if (actor.Id is { } me && (p.EditedBy == me || p.SubmittedBy == me)) continue;
            var steps = await routes.StepsForAsync(p.Row.OwnerDepartmentId, cancellationToken);
            var step = steps[Math.Min(p.Row.ApprovalStep, steps.Count - 1)];
            if (await access.CanApproveAsync(actor, step, cancellationToken)) result.Add((p.Row, step));
        }
        return result;
    }

    /// <summary>見直し: published entries of the actor's departments not reviewed for <paramref name="months"/> months (Japan dates).</summary>
    public async Task<IReadOnlyList<FaqRow>> ReviewDueAsync(FaqActor actor, int months, CancellationToken cancellationToken)
    {
        var cutoff = JapanTime.Today(clock).AddMonths(-months);
        var rows = await RowsAsync(actor, cancellationToken);
        var ids = (await access.OwnDepartmentsAsync(actor, cancellationToken)).ToList();
        if (!actor.Has(Permissions.EditAllFaqName)) rows = rows.Where(r => ids.Contains(r.OwnerDepartmentId));
        return await rows.Where(r => r.Live && (r.LastReviewedOn == null || r.LastReviewedOn <= cutoff))
            .OrderBy(r => r.LastReviewedOn).ThenBy(r => r.Number).ToListAsync(cancellationToken);
    }
}
