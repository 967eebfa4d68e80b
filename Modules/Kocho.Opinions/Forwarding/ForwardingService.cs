using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Events;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Forwarding;

/// <summary>
/// 意見等の関係所属転送: the public-hearing section forwards a case to one 主管課 and any 関係課, each with its own
/// 回答期限 (business days after receipt, editable) and comment; a department returns a forwarding that is not
/// theirs with a reason. Returned forwardings stay as history; forwarding again adds new ones.
/// </summary>
public sealed class ForwardingService(
    OpinionsDbContext db,
    UnitOfWork unitOfWork,
    DepartmentDirectory departments,
    BusinessCalendarService calendar,
    IAuditTrail audit,
    TimeProvider clock)
{
    public async Task ForwardAsync(CaseActor actor, Guid caseId, ForwardRequest request, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.ForwardName);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var opinionCase = await db.Cases.VisibleTo(actor).Include(c => c.Forwardings)
                .FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new CaseNotFoundException();
            await AddAsync(opinionCase, actor, request, ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Returns a forwarding of the actor's department (or, for the section, any) with a reason.</summary>
    public async Task ReturnAsync(CaseActor actor, Guid forwardingId, string? reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new OpinionException("返却の理由を入力してください。");
        if (reason.Length > 2000) throw new OpinionException("返却の理由は2,000文字以内で入力してください。");
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var (opinionCase, forwarding) = await ForwardingOfAsync(actor, forwardingId, ct);
            var ownDepartment = actor.DepartmentId == forwarding.DepartmentId && actor.Can(Permissions.HandleName);
            if (!ownDepartment && !actor.Can(Permissions.ForwardName)) throw new OpinionException("この転送を返却する権限がありません。");
            if (!forwarding.IsActive) throw new OpinionException("この転送は既に返却されています。");
            if (forwarding.Status is ForwardingStatus.Answered or ForwardingStatus.Completed) throw new OpinionException("回答済みの転送は返却できません。");
            if (forwarding.Role == ForwardingRole.Lead && opinionCase.Status is not (CaseStatus.Forwarded or CaseStatus.InProgress))
                throw new OpinionException($"状態が「{OpinionLabels.Of(opinionCase.Status)}」の意見等の主管課は返却できません。");

            var now = clock.GetUtcNow().UtcDateTime;
            forwarding.Status = ForwardingStatus.Returned;
            forwarding.ReturnedAt = now;
            forwarding.ReturnReason = reason;
            forwarding.ReturnedById = actor.UserId;
            if (forwarding.Role == ForwardingRole.Lead)
            {
                opinionCase.LeadDepartmentId = null;
                opinionCase.AnswerDue = null;
            }
            if (!opinionCase.Forwardings.Any(f => f.IsActive)) CaseLifecycle.Fire(opinionCase, CaseTrigger.ReturnAllForwardings);
            opinionCase.UpdatedAt = now;
            var department = await departments.FindAsync(forwarding.DepartmentId, ct);
            HistoryLog.Write(db, clock, opinionCase.Id, actor, HistoryAction.ForwardingReturned, $"{department?.Name}（{OpinionLabels.Of(forwarding.Role)}）: {reason}");
            await audit.RecordAsync(new AuditEntry("opinion.forwarding.returned", "OpinionCase", opinionCase.Id.ToString(), forwarding.Id.ToString()), ct);
            unitOfWork.Publish(new ForwardingReturned(opinionCase.Id, forwarding.Id, forwarding.DepartmentId));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Changes one forwarding's 回答期限 (the section only).</summary>
    public async Task ChangeDueAsync(CaseActor actor, Guid forwardingId, DateOnly dueOn, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.ForwardName);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var (opinionCase, forwarding) = await ForwardingOfAsync(actor, forwardingId, ct);
            if (!forwarding.IsActive) throw new OpinionException("返却された転送の回答期限は変更できません。");
            if (dueOn < opinionCase.ReceivedOn) throw new OpinionException("回答期限は受付日より後の日付にしてください。");
            var before = forwarding.DueOn;
            forwarding.DueOn = dueOn;
            if (forwarding.Role == ForwardingRole.Lead) opinionCase.AnswerDue = dueOn;
            opinionCase.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            HistoryLog.Write(db, clock, opinionCase.Id, actor, HistoryAction.DueChanged, $"{before:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}");
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Adds forwardings to a case inside the caller's unit of work (intake of a department inquiry, or <see cref="ForwardAsync"/>).</summary>
    internal async Task AddAsync(OpinionCase opinionCase, CaseActor actor, ForwardRequest request, CancellationToken ct)
    {
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment is { Length: > 2000 }) throw new OpinionException("転送コメントは2,000文字以内で入力してください。");
        var active = opinionCase.Forwardings.Where(f => f.IsActive).ToList();
        var hasLead = active.Any(f => f.Role == ForwardingRole.Lead);
        if (request.LeadDepartmentId is not null && hasLead) throw new OpinionException("主管課には既に転送しています。主管課を変えるには、先に返却してもらってください。");
        if (request.LeadDepartmentId is null && !hasLead) throw new OpinionException("主管課を選んでください。");
        var targets = new List<(Guid Department, ForwardingRole Role)>();
        if (request.LeadDepartmentId is { } lead) targets.Add((lead, ForwardingRole.Lead));
        targets.AddRange(request.RelatedDepartmentIds.Distinct().Where(d => d != request.LeadDepartmentId).Select(d => (d, ForwardingRole.Related)));
        if (targets.Count == 0) throw new OpinionException("転送先の所属を選んでください。");
        if (request.DueOn is { } due && due < opinionCase.ReceivedOn) throw new OpinionException("回答期限は受付日より後の日付にしてください。");

        CaseLifecycle.Fire(opinionCase, CaseTrigger.Forward);
        var today = JapanTime.Today(clock);
        var dueOn = request.DueOn ?? await calendar.AnswerDueAsync(opinionCase.ReceivedOn, cancellationToken: ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var names = new List<string>();
        foreach (var (departmentId, role) in targets)
        {
            var department = await departments.FindAsync(departmentId, ct);
            if (department is null || department.Level != DepartmentLevel.Section || !department.IsActiveOn(today))
                throw new OpinionException("選んだ所属には転送できません。課を選んでください。");
            if (active.Any(f => f.DepartmentId == departmentId)) throw new OpinionException($"{department.Name}には既に転送しています。");
            var forwarding = new CaseForwarding
            {
                CaseId = opinionCase.Id,
                DepartmentId = departmentId,
                Role = role,
                DueOn = dueOn,
                Comment = comment,
                ForwardedAt = now,
                ForwardedById = actor.UserId,
            };
            opinionCase.Forwardings.Add(forwarding);
            if (db.Entry(opinionCase).State != EntityState.Added) db.Forwardings.Add(forwarding);
            if (role == ForwardingRole.Lead)
            {
                opinionCase.LeadDepartmentId = departmentId;
                opinionCase.AnswerDue = dueOn;
            }
            names.Add($"{department.Name}（{OpinionLabels.Of(role)}）");
            unitOfWork.Publish(new CaseForwarded(opinionCase.Id, forwarding.Id, departmentId, role, dueOn));
        }
        opinionCase.UpdatedAt = now;
        HistoryLog.Write(db, clock, opinionCase.Id, actor, HistoryAction.Forwarded,
            $"{string.Join("、", names)} 回答期限 {dueOn:yyyy-MM-dd}" + (comment is null ? "" : $"\n{comment}"));
    }

    private async Task<(OpinionCase Case, CaseForwarding Forwarding)> ForwardingOfAsync(CaseActor actor, Guid forwardingId, CancellationToken ct)
    {
        var caseId = await db.Forwardings.Where(f => f.Id == forwardingId).Select(f => (Guid?)f.CaseId).FirstOrDefaultAsync(ct)
            ?? throw new CaseNotFoundException();
        var opinionCase = await db.Cases.VisibleTo(actor).Include(c => c.Forwardings)
            .FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new CaseNotFoundException();
        return (opinionCase, opinionCase.Forwardings.First(f => f.Id == forwardingId));
    }
}
