using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Mail;
using Kocho.Core.Residents;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Data;
using Kocho.Opinions.Events;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.History;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Opinions.Handling;

/// <summary>
/// 意見等の処理（回答・説明・対応）and 区民等への回答の送信: department staff record handling and draft the answer,
/// the department's approver (課長) approves or returns it, the public-hearing section reviews, edits and sends it
/// (web: the mail only says it is ready; e-mail only when asked for; letter: the printable 回答書; phone: recorded).
/// </summary>
public sealed class HandlingService(
    OpinionsDbContext db,
    UnitOfWork unitOfWork,
    DepartmentDirectory departments,
    IResidentDirectory residents,
    IMailOutbox outbox,
    MailTemplates templates,
    OpinionLinks links,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int AnswerMax = 20_000;

    /// <summary>Records handling (回答・説明・対応) by a department the case is forwarded to.</summary>
    public async Task RecordHandlingAsync(CaseActor actor, Guid caseId, HandlingKind kind, string? note, CancellationToken cancellationToken = default)
    {
        var text = Required(note, "処理の内容を入力してください。", 10_000);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var (opinionCase, forwarding) = await ForwardedToActorAsync(actor, caseId, leadOnly: false, ct);
            CaseLifecycle.Fire(opinionCase, CaseTrigger.RecordHandling);
            if (forwarding is { Status: ForwardingStatus.Forwarded }) forwarding.Status = ForwardingStatus.InProgress;
            Touch(opinionCase);
            HistoryLog.Write(db, clock, caseId, actor, HistoryAction.HandlingRecorded, $"{OpinionLabels.Of(kind)}: {text}");
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Saves the 主管課's draft answer (new or revised after a return).</summary>
    public async Task SaveDraftAsync(CaseActor actor, Guid caseId, HandlingKind kind, string? text, CancellationToken cancellationToken = default)
    {
        var answerText = Required(text, "回答案を入力してください。", AnswerMax);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var (opinionCase, forwarding) = await ForwardedToActorAsync(actor, caseId, leadOnly: true, ct);
            CaseLifecycle.Fire(opinionCase, CaseTrigger.SaveDraft);
            if (forwarding is not null) forwarding.Status = ForwardingStatus.InProgress;
            var now = clock.GetUtcNow().UtcDateTime;
            var answer = await db.Answers.FirstOrDefaultAsync(a => a.CaseId == caseId, ct);
            if (answer is null)
            {
                answer = new CaseAnswer { CaseId = caseId, Text = answerText };
                db.Answers.Add(answer);
            }
            answer.Text = answerText;
            answer.Kind = kind;
            answer.Status = AnswerStatus.Draft;
            answer.Method = opinionCase.AnswerMethod;
            answer.DepartmentId = opinionCase.LeadDepartmentId;
            answer.DraftedById = actor.UserId;
            answer.DraftedByName = actor.Name;
            answer.DraftedAt = now;
            Touch(opinionCase);
            HistoryLog.Write(db, clock, caseId, actor, HistoryAction.AnswerDrafted, OpinionLabels.Of(kind));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>承認依頼: the draft goes to the department's approver.</summary>
    public async Task SubmitForApprovalAsync(CaseActor actor, Guid caseId, string? comment = null, CancellationToken cancellationToken = default)
    {
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var (opinionCase, _) = await ForwardedToActorAsync(actor, caseId, leadOnly: true, ct);
            CaseLifecycle.Next(opinionCase.Status, CaseTrigger.SubmitForApproval);
            var answer = await AnswerOfAsync(caseId, ct);
            CaseLifecycle.Fire(opinionCase, CaseTrigger.SubmitForApproval);
            answer.Status = AnswerStatus.Submitted;
            answer.SubmittedAt = clock.GetUtcNow().UtcDateTime;
            answer.ReturnReason = null;
            Touch(opinionCase);
            HistoryLog.Write(db, clock, caseId, actor, HistoryAction.AnswerSubmitted, comment);
            unitOfWork.Publish(new AnswerSubmitted(caseId, answer.Id, answer.DepartmentId));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>上位者の承認: the approver of the answering department approves the submitted draft.</summary>
    public async Task ApproveAsync(CaseActor actor, Guid caseId, string? comment = null, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.ApproveName);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var opinionCase = await VisibleCaseAsync(actor, caseId, ct);
            CaseLifecycle.Next(opinionCase.Status, CaseTrigger.Approve);
            var answer = await AnswerOfAsync(caseId, ct);
            if (!actor.IsSystem && actor.DepartmentId != answer.DepartmentId) throw new OpinionException("承認できるのは自所属の回答案だけです。");
            if (answer.Status != AnswerStatus.Submitted) throw new OpinionException("承認を依頼された回答案がありません。");
            CaseLifecycle.Fire(opinionCase, CaseTrigger.Approve);
            answer.Status = AnswerStatus.Approved;
            answer.ApprovedById = actor.UserId;
            answer.ApprovedByName = actor.Name;
            answer.ApprovedAt = clock.GetUtcNow().UtcDateTime;
            Touch(opinionCase);
            HistoryLog.Write(db, clock, caseId, actor, HistoryAction.AnswerApproved, comment);
            unitOfWork.Publish(new AnswerApproved(caseId, answer.Id, answer.DepartmentId));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>差戻し: the approver returns a submitted draft, or the section returns an approved one, with a reason.</summary>
    public async Task ReturnAnswerAsync(CaseActor actor, Guid caseId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Required(reason, "差戻しの理由を入力してください。", 2000);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var opinionCase = await VisibleCaseAsync(actor, caseId, ct);
            CaseLifecycle.Next(opinionCase.Status, CaseTrigger.ReturnAnswer);
            var answer = await AnswerOfAsync(caseId, ct);
            var approver = actor.Can(Permissions.ApproveName) && (actor.IsSystem || actor.DepartmentId == answer.DepartmentId) && answer.Status == AnswerStatus.Submitted;
            var section = actor.Can(Permissions.SendName) && answer.Status is AnswerStatus.Submitted or AnswerStatus.Approved;
            if (!approver && !section) throw new OpinionException("この回答案を差し戻す権限がありません。");
            CaseLifecycle.Fire(opinionCase, CaseTrigger.ReturnAnswer);
            answer.Status = AnswerStatus.Returned;
            answer.ReturnReason = why;
            answer.ApprovedById = null;
            answer.ApprovedByName = null;
            answer.ApprovedAt = null;
            Touch(opinionCase);
            HistoryLog.Write(db, clock, caseId, actor, HistoryAction.AnswerReturned, why);
            unitOfWork.Publish(new AnswerReturned(caseId, answer.Id, answer.DepartmentId));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>The section sends the approved answer by the method the sender chose.</summary>
    public async Task SendAsync(CaseActor actor, Guid caseId, SendRequest request, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.SendName);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var opinionCase = await VisibleCaseAsync(actor, caseId, ct);
            CaseLifecycle.Next(opinionCase.Status, CaseTrigger.Send);
            var answer = await AnswerOfAsync(caseId, ct);
            if (answer.Status != AnswerStatus.Approved) throw new OpinionException("送信できるのは、所属の上位者が承認した回答だけです。");
            if (!opinionCase.AnswerRequired) throw new OpinionException("回答不要の意見等には回答を送信できません。完了にしてください。");
            var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
            if (opinionCase.AnswerMethod == AnswerMethod.Phone && note is null) throw new OpinionException("電話で回答した内容（相手・日時・要旨）を記録してください。");
            if (request.EditedText is not null)
            {
                var edited = Required(request.EditedText, "回答を入力してください。", AnswerMax);
                if (edited != answer.Text) HistoryLog.Write(db, clock, caseId, actor, HistoryAction.Memo, "広聴担当課で回答文を校正しました。");
                answer.Text = edited;
            }
            CaseLifecycle.Fire(opinionCase, CaseTrigger.Send);
            var now = clock.GetUtcNow().UtcDateTime;
            answer.Status = AnswerStatus.Sent;
            answer.Method = opinionCase.AnswerMethod;
            answer.SentAt = now;
            answer.SentById = actor.UserId;
            answer.SentByName = actor.Name;
            opinionCase.AnsweredAt = now;
            foreach (var forwarding in opinionCase.Forwardings.Where(f => f.IsActive)) forwarding.Status = ForwardingStatus.Answered;
            Touch(opinionCase);
            await NotifyAsync(opinionCase, answer, ct);
            HistoryLog.Write(db, clock, caseId, actor, HistoryAction.AnswerSent, $"{OpinionLabels.Of(opinionCase.AnswerMethod)}" + (note is null ? "" : $": {note}"));
            unitOfWork.Publish(new AnswerSent(caseId, answer.Id, answer.DepartmentId, opinionCase.AnswerMethod));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>完了 after the answer was sent, or 回答不要 for a case that needs no answer (anonymous or declined).</summary>
    public async Task CloseAsync(CaseActor actor, Guid caseId, string? note = null, CancellationToken cancellationToken = default)
    {
        actor.Demand(Permissions.SendName);
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var opinionCase = await VisibleCaseAsync(actor, caseId, ct);
            var answered = opinionCase.Status == CaseStatus.Answered;
            if (!answered && opinionCase.AnswerRequired && !CaseLifecycle.IsClosed(opinionCase.Status))
                throw new OpinionException("回答が必要な意見等は、回答を送信してから完了にしてください。");
            CaseLifecycle.Fire(opinionCase, answered ? CaseTrigger.Close : CaseTrigger.CloseWithoutAnswer);
            var now = clock.GetUtcNow().UtcDateTime;
            opinionCase.ClosedAt = now;
            foreach (var forwarding in opinionCase.Forwardings.Where(f => f.IsActive))
            {
                forwarding.Status = ForwardingStatus.Completed;
                forwarding.CompletedAt = now;
            }
            Touch(opinionCase);
            HistoryLog.Write(db, clock, caseId, actor, answered ? HistoryAction.Closed : HistoryAction.ClosedWithoutAnswer, note);
            unitOfWork.Publish(new CaseClosed(caseId, opinionCase.LeadDepartmentId, answered));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    private async Task NotifyAsync(OpinionCase opinionCase, CaseAnswer answer, CancellationToken ct)
    {
        var email = opinionCase.ContactEmail;
        if (opinionCase.ResidentUserId is not null && await residents.FindAsync(opinionCase.ResidentUserId, ct) is { } resident)
        {
            email = resident.Email;
        }
        // No name in the mail: the mail folder may hold only the address it was sent to (#11, personal data at rest).
        var values = new Dictionary<string, string>
        {
            ["receiptNumber"] = opinionCase.ReceiptNumber,
        };
        switch (opinionCase.AnswerMethod)
        {
            case AnswerMethod.Web when email is not null:
                values["link"] = links.To(opinionCase.ResidentUserId is null ? "/opinions/answer" : "/account/opinions");
                await outbox.EnqueueAsync(templates.Render("Kocho.Opinions", "OpinionAnswerReady", email, values), ct);
                break;
            case AnswerMethod.Email when email is not null:
                var department = answer.DepartmentId is { } id ? await departments.FindAsync(id, ct) : null;
                values["subject"] = opinionCase.Subject;
                values["answer"] = answer.Text;
                values["department"] = department is null ? "新宿区" : $"新宿区 {department.Name}";
                await outbox.EnqueueAsync(templates.Render("Kocho.Opinions", "OpinionAnswer", email, values), ct);
                await audit.RecordAsync(new AuditEntry("opinion.answer.mailed", "OpinionCase", opinionCase.Id.ToString()), ct);
                break;
            case AnswerMethod.Email:
                throw new OpinionException("メールアドレスが分からないため、メールで回答できません。");
        }
    }

    /// <summary>The case if the actor's department holds an active forwarding (the lead one when <paramref name="leadOnly"/>), or the actor sees all.</summary>
    private async Task<(OpinionCase Case, CaseForwarding? Forwarding)> ForwardedToActorAsync(CaseActor actor, Guid caseId, bool leadOnly, CancellationToken ct)
    {
        actor.Demand(Permissions.HandleName);
        var opinionCase = await VisibleCaseAsync(actor, caseId, ct);
        var forwarding = opinionCase.Forwardings.FirstOrDefault(f => f.IsActive && f.DepartmentId == actor.DepartmentId);
        if (forwarding is null && !actor.SeesAll && !actor.IsSystem) throw new OpinionException("この意見等は自所属に転送されていません。");
        if (leadOnly && forwarding is { Role: ForwardingRole.Related }) throw new OpinionException("回答案を作成できるのは主管課です。関係課は処理の記録をしてください。");
        if (leadOnly && opinionCase.LeadDepartmentId is null) throw new OpinionException("主管課が決まっていません。");
        if (leadOnly && forwarding is null) forwarding = opinionCase.Forwardings.FirstOrDefault(f => f.IsActive && f.Role == ForwardingRole.Lead);
        return (opinionCase, forwarding);
    }

    private async Task<OpinionCase> VisibleCaseAsync(CaseActor actor, Guid caseId, CancellationToken ct) =>
        await db.Cases.VisibleTo(actor).Include(c => c.Forwardings).FirstOrDefaultAsync(c => c.Id == caseId, ct)
        ?? throw new CaseNotFoundException();

    private async Task<CaseAnswer> AnswerOfAsync(Guid caseId, CancellationToken ct) =>
        await db.Answers.FirstOrDefaultAsync(a => a.CaseId == caseId, ct) ?? throw new OpinionException("回答案がまだ作成されていません。");

    private void Touch(OpinionCase opinionCase) => opinionCase.UpdatedAt = clock.GetUtcNow().UtcDateTime;

    private static string Required(string? value, string message, int max)
    {
        var text = (value ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0) throw new OpinionException(message);
        if (text.Length > max) throw new OpinionException($"{max:N0}文字以内で入力してください（現在{text.Length:N0}文字）。");
        return text;
    }
}
