using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Faq.Approval;
using Kocho.Faq.Data;
using Kocho.Faq.Events;
using Kocho.Faq.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Faq.Entries;

/// <summary>
/// Every change to an FAQ entry (ＦＡＱ情報の登録・更新, 承認依頼, 上位者の承認): one action = one transaction with its
/// history entry and audit record; status changes go through <see cref="FaqWorkflow"/>; events are published after commit.
/// Editing a published entry makes a new draft version while the published one stays on the site.
/// </summary>
public sealed class FaqService(
    FaqDbContext db, CoreDbContext core, DepartmentDirectory departments, FaqAccess access, FaqApprovalRoutes routes,
    FaqPublication publication, UnitOfWork unitOfWork, IAuditTrail audit, TimeProvider clock)
{
    public const int QuestionLength = 500;
    public const int AnswerLength = 20000;

    /// <summary>A new entry with its first version as a draft (or, for an actor who may, published at once).</summary>
    public Task<FaqEntry> CreateAsync(FaqInput input, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var (content, ownerId) = await ValidateAsync(input, actor, null, ct);
            var now = Now;
            var number = (await db.Entries.MaxAsync(e => (int?)e.Number, ct) ?? 0) + 1;
            if (db.Entries.Local.Count > 0) number = Math.Max(number, db.Entries.Local.Max(e => e.Number) + 1);
            var entry = new FaqEntry { Number = number, OwnerDepartmentId = ownerId, CreatedAt = now, UpdatedAt = now };
            db.Entries.Add(entry);
            var version = NewVersion(entry, 1, content, actor, null);
            entry.WorkingVersionId = version.Id;
            await RecordAsync(entry, version, "created", null, actor, ct);
            return entry;
        }, cancellationToken);

    /// <summary>
    /// Saves the editor's changes: into the working draft if there is one (下書き or 差戻し), otherwise into a new draft based
    /// on the published version. A version waiting for approval cannot be changed.
    /// </summary>
    public Task<FaqVersion> SaveDraftAsync(int number, FaqInput input, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var entry = await EditableEntryAsync(number, actor, ct);
            var (content, ownerId) = await ValidateAsync(input, actor, entry, ct);
            var working = await WorkingVersionAsync(entry, ct);
            FaqVersion version;
            if (working is not null)
            {
                new FaqWorkflow(working).Fire(FaqTrigger.Edit);
                Copy(content, working);
                working.EditedBy = actor.Id;
                working.EditedByName = actor.Name;
                working.UpdatedAt = Now;
                version = working;
            }
            else
            {
                version = NewVersion(entry, await NextVersionNumberAsync(entry, ct), content, actor, entry.PublishedVersionId);
                entry.WorkingVersionId = version.Id;
            }
            entry.OwnerDepartmentId = ownerId;
            entry.UpdatedAt = Now;
            await RecordAsync(entry, version, "edited", null, actor, ct);
            return version;
        }, cancellationToken);

    /// <summary>承認依頼: the editor sends the working draft to the first step's approvers with a comment.</summary>
    public Task<FaqVersion> SubmitAsync(int number, string? comment, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var entry = await EditableEntryAsync(number, actor, ct);
            var version = await WorkingVersionAsync(entry, ct) ?? throw new FaqWorkflowException("承認依頼する下書きがありません。先に編集して保存してください。");
            new FaqWorkflow(version).Fire(FaqTrigger.Submit);
            version.ApprovalStep = 0;
            version.SubmittedBy = actor.Id;
            version.UpdatedAt = Now;
            entry.UpdatedAt = Now;
            var steps = await routes.StepsForAsync(entry.OwnerDepartmentId, ct);
            await RecordAsync(entry, version, "submitted", Trim(comment), actor, ct);
            unitOfWork.Publish(new FaqApprovalRequested(entry.Id, entry.Number, version.Id, 0, steps[0].Name, steps[0].DepartmentId, version.Question));
            return version;
        }, cancellationToken);

    /// <summary>上位者の承認: the current step's approver approves; the last step publishes (or schedules for the publish-from date).</summary>
    public Task<FaqVersion> ApproveAsync(int number, string? comment, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var (entry, version, steps) = await PendingForApproverAsync(number, actor, ct);
            var step = version.ApprovalStep;
            var final = step >= steps.Count - 1;
            new FaqWorkflow(version).Fire(FaqTrigger.Approve, final);
            version.UpdatedAt = Now;
            await RecordAsync(entry, version, "approved", Trim(comment), actor, ct, $"step={step + 1}/{steps.Count}");
            unitOfWork.Publish(new FaqApproved(entry.Id, entry.Number, version.Id, step, final, actor.Id ?? Guid.Empty));
            if (final)
            {
                await PublishVersionAsync(entry, version, actor, ct);
            }
            else
            {
                version.ApprovalStep = step + 1;
                var next = steps[step + 1];
                unitOfWork.Publish(new FaqApprovalRequested(entry.Id, entry.Number, version.Id, step + 1, next.Name, next.DepartmentId, version.Question));
            }
            return version;
        }, cancellationToken);

    /// <summary>差戻し: the approver sends the version back to its editor; a comment saying why is required.</summary>
    public Task<FaqVersion> ReturnAsync(int number, string? comment, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            if (string.IsNullOrWhiteSpace(comment)) throw new FaqWorkflowException("差し戻す理由をコメントに入力してください。", "Comment");
            var (entry, version, _) = await PendingForApproverAsync(number, actor, ct);
            new FaqWorkflow(version).Fire(FaqTrigger.Return);
            version.ApprovalStep = 0;
            version.UpdatedAt = Now;
            await RecordAsync(entry, version, "returned", Trim(comment), actor, ct);
            unitOfWork.Publish(new FaqReturned(entry.Id, entry.Number, version.Id, version.EditedBy, entry.OwnerDepartmentId, comment!.Trim()));
            return version;
        }, cancellationToken);

    /// <summary>Publishes the working draft without approval: only for holders of the publish permission (administrators, imports).</summary>
    public Task<FaqVersion> PublishDirectlyAsync(int number, string? comment, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            if (!actor.Has(Permissions.PublishFaqName)) throw new FaqWorkflowException("承認なしで公開する権限がありません。承認依頼をしてください。");
            var entry = await EditableEntryAsync(number, actor, ct);
            var version = await WorkingVersionAsync(entry, ct) ?? throw new FaqWorkflowException("公開する下書きがありません。");
            new FaqWorkflow(version).Fire(FaqTrigger.PublishDirectly);
            await PublishVersionAsync(entry, version, actor, ct, Trim(comment));
            return version;
        }, cancellationToken);

    /// <summary>公開停止: the entry leaves the site at once; its versions and history stay.</summary>
    public Task UnpublishAsync(int number, string? comment, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var entry = await FindInScopeAsync(number, actor, ct) ?? throw NotFound();
            var mayUnpublish = actor.Has(Permissions.PublishFaqName)
                || (actor.Has(Permissions.ApproveFaqName) && (await access.OwnDepartmentsAsync(actor, ct)).Contains(entry.OwnerDepartmentId));
            if (!mayUnpublish) throw new FaqWorkflowException("公開停止できるのは担当課の上位者か管理者です。");
            var version = entry.PublishedVersionId is { } id ? await db.Versions.FirstAsync(v => v.Id == id, ct)
                : throw new FaqWorkflowException("このFAQは公開されていません。");
            new FaqWorkflow(version).Fire(FaqTrigger.Unpublish);
            entry.PublishedVersionId = null;
            entry.UpdatedAt = Now;
            await RecordAsync(entry, version, "unpublished", Trim(comment), actor, ct);
            await publication.ApplyAsync(entry, ct);
        }, cancellationToken);

    /// <summary>Restores an old version's content as a new draft (the old version itself stays as it was).</summary>
    public Task<FaqVersion> RestoreAsync(int number, int versionNumber, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var entry = await EditableEntryAsync(number, actor, ct);
            if (await WorkingVersionAsync(entry, ct) is { } working)
            {
                throw new FaqWorkflowException($"作業中の版（第{working.VersionNumber}版・{FaqWorkflow.StatusName(working.Status)}）があります。その版を公開するか承認を受けてから復元してください。");
            }
            var old = await db.Versions.FirstOrDefaultAsync(v => v.EntryId == entry.Id && v.VersionNumber == versionNumber, ct)
                ?? throw new FaqWorkflowException($"第{versionNumber}版はありません。");
            var version = NewVersion(entry, await NextVersionNumberAsync(entry, ct), old, actor, old.Id);
            entry.WorkingVersionId = version.Id;
            entry.UpdatedAt = Now;
            await RecordAsync(entry, version, "restored", $"第{versionNumber}版から復元", actor, ct);
            return version;
        }, cancellationToken);

    /// <summary>確認済み: the owner department confirms the published answer is still right (resets the review reminder).</summary>
    public Task MarkReviewedAsync(int number, FaqActor actor, CancellationToken cancellationToken = default) =>
        unitOfWork.ExecuteAsync(async ct =>
        {
            var entry = await EditableEntryAsync(number, actor, ct);
            entry.LastReviewedOn = JapanTime.Today(clock);
            entry.UpdatedAt = Now;
            await RecordAsync(entry, null, "reviewed", null, actor, ct);
        }, cancellationToken);

    /// <summary>An entry the actor may see on the staff site: their department's, every entry for the public-hearing section, or one waiting at their approval step.</summary>
    public async Task<FaqEntry?> FindInScopeAsync(int number, FaqActor actor, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Number == number, cancellationToken);
        if (entry is null) return null;
        var scope = await access.ScopeAsync(actor, cancellationToken);
        if (actor.System || scope is null || scope.Contains(entry.OwnerDepartmentId)) return entry;
        if (await CurrentStepAsync(entry, cancellationToken) is { } step && await access.CanApproveAsync(actor, step, cancellationToken)) return entry;
        return null;
    }

    /// <summary>The step a pending version waits at, or null when nothing is pending.</summary>
    public async Task<FaqApprovalStep?> CurrentStepAsync(FaqEntry entry, CancellationToken cancellationToken)
    {
        if (entry.WorkingVersionId is not { } id) return null;
        var version = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is not { Status: FaqVersionStatus.Pending }) return null;
        var steps = await routes.StepsForAsync(entry.OwnerDepartmentId, cancellationToken);
        return steps[Math.Min(version.ApprovalStep, steps.Count - 1)];
    }

    private async Task PublishVersionAsync(FaqEntry entry, FaqVersion version, FaqActor actor, CancellationToken ct, string? comment = null)
    {
        if (entry.PublishedVersionId is { } previousId && previousId != version.Id)
        {
            var previous = await db.Versions.FirstAsync(v => v.Id == previousId, ct);
            if (previous.Status == FaqVersionStatus.Published) new FaqWorkflow(previous).Fire(FaqTrigger.Supersede);
        }
        version.PublishedAt = Now;
        version.UpdatedAt = Now;
        entry.PublishedVersionId = version.Id;
        entry.WorkingVersionId = null;
        entry.LastReviewedOn = JapanTime.Today(clock);
        entry.UpdatedAt = Now;
        var scheduled = !version.IsInPublishWindow(publication.Today);
        await RecordAsync(entry, version, scheduled ? "scheduled" : "published", comment, actor, ct);
        await publication.ApplyAsync(entry, ct);
    }

    private async Task<(FaqEntry Entry, FaqVersion Version, IReadOnlyList<FaqApprovalStep> Steps)> PendingForApproverAsync(int number, FaqActor actor, CancellationToken ct)
    {
        var entry = await FindInScopeAsync(number, actor, ct) ?? throw NotFound();
        var version = await WorkingVersionAsync(entry, ct);
        if (version is null || version.Status != FaqVersionStatus.Pending)
        {
            throw new FaqWorkflowException(version is null ? "このFAQには承認待ちの版がありません。" : $"この版は「{FaqWorkflow.StatusName(version.Status)}」のため、承認・差戻しはできません。");
        }
        if (!actor.System && (version.EditedBy == actor.Id || version.SubmittedBy == actor.Id))
        {
            throw new FaqWorkflowException("自分が編集・承認依頼した版は承認・差戻しできません。別の上位者に依頼してください。");
        }
        var steps = await routes.StepsForAsync(entry.OwnerDepartmentId, ct);
        var step = steps[Math.Min(version.ApprovalStep, steps.Count - 1)];
        if (!await access.CanApproveAsync(actor, step, ct))
        {
            throw new FaqWorkflowException($"この版は「{step.Name}」の承認を待っています。あなたはこの段階の承認者ではありません。");
        }
        return (entry, version, steps);
    }

    private async Task<FaqEntry> EditableEntryAsync(int number, FaqActor actor, CancellationToken ct)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Number == number, ct);
        if (entry is null || !(actor.System || await access.CanEditAsync(actor, entry.OwnerDepartmentId, ct))) throw NotFound();
        return entry;
    }

    private async Task<FaqVersion?> WorkingVersionAsync(FaqEntry entry, CancellationToken ct) =>
        entry.WorkingVersionId is { } id ? db.Versions.Local.FirstOrDefault(v => v.Id == id) ?? await db.Versions.FirstOrDefaultAsync(v => v.Id == id, ct) : null;

    private async Task<int> NextVersionNumberAsync(FaqEntry entry, CancellationToken ct) =>
        Math.Max(
            (await db.Versions.Where(v => v.EntryId == entry.Id).MaxAsync(v => (int?)v.VersionNumber, ct)) ?? 0,
            db.Versions.Local.Where(v => v.EntryId == entry.Id).Select(v => v.VersionNumber).DefaultIfEmpty(0).Max()) + 1;

    private FaqVersion NewVersion(FaqEntry entry, int number, FaqVersion content, FaqActor actor, Guid? basedOn)
    {
        var version = new FaqVersion
        {
            EntryId = entry.Id, VersionNumber = number, Status = FaqVersionStatus.Draft, BasedOnVersionId = basedOn,
            EditedBy = actor.Id, EditedByName = actor.Name, CreatedAt = Now, UpdatedAt = Now,
        };
        Copy(content, version);
        db.Versions.Add(version);
        return version;
    }

    private static void Copy(FaqVersion from, FaqVersion to)
    {
        to.Question = from.Question;
        to.Answer = from.Answer;
        to.CategoryId = from.CategoryId;
        to.Keywords = from.Keywords;
        to.RelatedLinks = from.RelatedLinks;
        to.Visibility = from.Visibility;
        to.PublishFrom = from.PublishFrom;
        to.PublishTo = from.PublishTo;
    }

    /// <summary>Checks an editor's input; the content comes back as an unsaved version, with the owner department.</summary>
    public async Task<(FaqVersion Content, Guid OwnerDepartmentId)> ValidateAsync(FaqInput input, FaqActor actor, FaqEntry? entry, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var question = input.Question?.Trim() ?? "";
        var answer = input.Answer?.Trim() ?? "";
        if (question.Length == 0) errors["Question"] = "質問を入力してください。";
        else if (question.Length > QuestionLength) errors["Question"] = $"質問は{QuestionLength}文字以内で入力してください。";
        if (answer.Length == 0) errors["Answer"] = "回答を入力してください。";
        else if (answer.Length > AnswerLength) errors["Answer"] = $"回答は{AnswerLength}文字以内で入力してください。";
        Guid? categoryId = null;
        if (!string.IsNullOrWhiteSpace(input.Category))
        {
            var code = input.Category.Trim();
            categoryId = await core.Categories.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (categoryId is null) errors["Category"] = $"分類コード {code} はありません。";
        }
        Guid ownerId = entry?.OwnerDepartmentId ?? Guid.Empty;
        if (!string.IsNullOrWhiteSpace(input.Department))
        {
            var department = await departments.FindByCodeAsync(input.Department.Trim(), ct);
            if (department is null) errors["Department"] = $"担当課コード {input.Department.Trim()} はありません。";
            else ownerId = department.Id;
        }
        else if (entry is null)
        {
            if (actor.DepartmentId is { } own) ownerId = (await access.OwnDepartmentsAsync(actor, ct)).Count > 1
                ? (await departments.FindAsync(own, ct))!.ParentId!.Value : own;
            else errors["Department"] = "担当課を選んでください。";
        }
        if (ownerId != Guid.Empty && !errors.ContainsKey("Department") && !actor.System && !await access.CanEditAsync(actor, ownerId, ct))
        {
            errors["Department"] = "自分の所属以外の課を担当課にはできません。";
        }
        if (!Enum.IsDefined(input.Visibility)) errors["Visibility"] = "公開区分は「公開」か「内部」を選んでください。";
        if (input.PublishFrom is { } from && input.PublishTo is { } to && to < from) errors["PublishTo"] = "公開終了日は公開開始日より後にしてください。";
        var keywords = string.Join('\n', (input.Keywords ?? "").Split(['\r', '\n', ',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (keywords.Length > 1000) errors["Keywords"] = "キーワードは合わせて1000文字以内で入力してください。";
        var links = (input.RelatedLinks ?? "").Replace("\r\n", "\n").Trim();
        if (FaqRelatedLink.BadLines(links) is { Count: > 0 } bad) errors["RelatedLinks"] = $"関連リンクの{string.Join("・", bad)}行目は「タイトル https://…」の形で入力してください。";
        else if (links.Length > 4000) errors["RelatedLinks"] = "関連リンクは合わせて4000文字以内で入力してください。";
        if (errors.Count > 0) throw new FaqValidationException(errors);
        return (new FaqVersion
        {
            Question = question, Answer = answer.Replace("\r\n", "\n"), CategoryId = categoryId, Keywords = keywords, RelatedLinks = links,
            Visibility = input.Visibility, PublishFrom = input.PublishFrom, PublishTo = input.PublishTo,
        }, ownerId);
    }

    private async Task RecordAsync(FaqEntry entry, FaqVersion? version, string action, string? comment, FaqActor actor, CancellationToken ct, string? details = null)
    {
        db.History.Add(new FaqHistoryEntry
        {
            EntryId = entry.Id, VersionId = version?.Id, VersionNumber = version?.VersionNumber, Action = action, Comment = comment,
            ActorId = actor.Id, ActorName = actor.Name, OccurredAt = Now,
        });
        var auditDetails = $"no={entry.Number}" + (version is null ? "" : $"; version={version.VersionNumber}") + (details is null ? "" : "; " + details);
        await audit.RecordAsync(new AuditEntry("faq." + action, "FaqEntry", entry.Id.ToString(), auditDetails), ct);
    }

    private static string? Trim(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 2000)];

    private static FaqNotFoundException NotFound() => new();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
