using Kocho.Core.Audit;
using Kocho.Core.Calendar;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.ProhibitedTerms;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Forwarding;
using Kocho.Opinions.Handling;
using Kocho.Opinions.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>
/// 意見等の詳細: the case, its sender (audited view), attachments, forwardings, answer and 処理履歴, with the actions the
/// staff member's rights allow. Every action is one service call; a case not visible to them is a 404.
/// </summary>
[Authorize(Policy = Permissions.ViewCasesName)]
public sealed class CaseModel(
    CaseQueries queries,
    ForwardingService forwarding,
    HandlingService handling,
    HistoryService history,
    DepartmentDirectory departments,
    ProhibitedTermGuard guard,
    IAuditTrail audit,
    UnitOfWork unitOfWork,
    TimeProvider clock) : OpinionPageModel(departments)
{
    public OpinionCase Case { get; private set; } = null!;
    public CaseAnswer? Answer { get; private set; }
    public CaseContact? Contact { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string FileName, string ContentType, long Size)> Attachments { get; private set; } = [];
    public int? BusinessDaysLeft { get; private set; }
    public DateOnly Today { get; private set; }

    [TempData] public string? Notice { get; set; }
    public string? Error { get; private set; }

    [BindProperty] public Guid? LeadDepartmentId { get; set; }
    [BindProperty] public List<Guid> RelatedDepartmentIds { get; set; } = [];
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Guid? ForwardingId { get; set; }
    [BindProperty] public HandlingKind HandlingKind { get; set; } = HandlingKind.Answer;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public HistoryAction EntryAction { get; set; } = HistoryAction.Memo;
    [BindProperty] public Guid? EntryId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostForwardAsync(Guid id, CancellationToken ct) =>
        await AsksToConfirmAsync(guard, "forward", [Comment], ct)
            ? await ShowAsync(id, ct)
            : await ActAsync(id, "転送しました。", () => unitOfWork.ExecuteAsync(async c => { await forwarding.ForwardAsync(Actor, id, new ForwardRequest(LeadDepartmentId, RelatedDepartmentIds, DueOn, Comment), c); await RecordConfirmationAsync(audit, id, c); }, ct), ct);

    public Task<IActionResult> OnPostReturnForwardingAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "転送を返却しました。", () => forwarding.ReturnAsync(Actor, ForwardingId ?? Guid.Empty, Comment, ct), ct, returnsAway: true);

    public Task<IActionResult> OnPostDueAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "回答期限を変更しました。", () => DueOn is { } due
            ? forwarding.ChangeDueAsync(Actor, ForwardingId ?? Guid.Empty, due, ct)
            : throw new OpinionException("回答期限を入力してください。"), ct);

    public async Task<IActionResult> OnPostHandlingAsync(Guid id, CancellationToken ct) =>
        await AsksToConfirmAsync(guard, "handling", [Text], ct)
            ? await ShowAsync(id, ct)
            : await ActAsync(id, "処理を記録しました。", () => unitOfWork.ExecuteAsync(async c => { await handling.RecordHandlingAsync(Actor, id, HandlingKind, Text, c); await RecordConfirmationAsync(audit, id, c); }, ct), ct);

    public async Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct) =>
        await AsksToConfirmAsync(guard, "draft", [Text], ct)
            ? await ShowAsync(id, ct)
            : await ActAsync(id, "回答案を保存しました。", () => unitOfWork.ExecuteAsync(async c => { await handling.SaveDraftAsync(Actor, id, HandlingKind, Text, c); await RecordConfirmationAsync(audit, id, c); }, ct), ct);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "承認を依頼しました。", () => handling.SubmitForApprovalAsync(Actor, id, Comment, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "承認しました。", () => handling.ApproveAsync(Actor, id, Comment, ct), ct);

    public Task<IActionResult> OnPostReturnAnswerAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "差し戻しました。", () => handling.ReturnAnswerAsync(Actor, id, Comment, ct), ct);

    /// <summary>
    /// The section's correction of the approved text and its note are staff text too (特記事項 5): asked about when they
    /// hold a prohibited term; the approved text as it stands was confirmed when its draft was saved.
    /// </summary>
    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        var approved = (await queries.AnswerAsync(Actor, id, ct))?.Text;
        var corrected = Text is not null && Text.Trim().ReplaceLineEndings("\n") != approved?.Trim().ReplaceLineEndings("\n") ? Text : null;
        return await AsksToConfirmAsync(guard, "send", [corrected, Comment], ct)
            ? await ShowAsync(id, ct)
            : await ActAsync(id, "回答を送信しました。", () => unitOfWork.ExecuteAsync(async c => { await handling.SendAsync(Actor, id, new SendRequest(Text, Comment), c); await RecordConfirmationAsync(audit, id, c); }, ct), ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "完了にしました。", () => handling.CloseAsync(Actor, id, Comment, ct), ct);

    public async Task<IActionResult> OnPostEntryAsync(Guid id, CancellationToken ct) =>
        await AsksToConfirmAsync(guard, "entry", [Text], ct)
            ? await ShowAsync(id, ct)
            : await ActAsync(id, "処理履歴を追加しました。", () => unitOfWork.ExecuteAsync(async c => { await history.AddAsync(Actor, id, EntryAction, Text, c); await RecordConfirmationAsync(audit, id, c); }, ct), ct);

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct) =>
        await AsksToConfirmAsync(guard, "correct", [Text], ct)
            ? await ShowAsync(id, ct)
            : await ActAsync(id, "処理履歴を訂正しました。", () => unitOfWork.ExecuteAsync(async c => { await history.CorrectAsync(Actor, EntryId ?? Guid.Empty, Text, c); await RecordConfirmationAsync(audit, id, c); }, ct), ct);

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public bool IsLeadDepartment => Case.Forwardings.Any(f => f.IsActive && f.Role == ForwardingRole.Lead && f.DepartmentId == Actor.DepartmentId);
    public bool IsForwardedToMe => Case.Forwardings.Any(f => f.IsActive && f.DepartmentId == Actor.DepartmentId);

    private async Task<IActionResult> ActAsync(Guid id, string notice, Func<Task> action, CancellationToken ct, bool returnsAway = false)
    {
        try
        {
            await action();
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        catch (OpinionException ex)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Error = ex.Message;
            return Page();
        }
        Notice = notice;
        // A department that returned its forwarding no longer sees the case.
        if (returnsAway && await queries.FindAsync(Actor, id, ct) is null) return Redirect("/admin/opinions");
        return Redirect($"/admin/opinions/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await queries.FindAsync(Actor, id, ct);
        if (found is null) return false;
        Case = found;
        Today = JapanTime.Today(clock);
        await LoadDepartmentsAsync(ct);
        Answer = await queries.AnswerAsync(Actor, id, ct);
        History = await history.ForCaseAsync(Actor, id, ct);
        Attachments = await queries.AttachmentsAsync(Actor, id, ct);
        if (Actor.Can(Permissions.ViewPersonalDataName)) Contact = await queries.ContactAsync(Actor, id, ct);
        var due = Case.Forwardings.FirstOrDefault(f => f.IsActive && f.DepartmentId == Actor.DepartmentId)?.DueOn ?? Case.AnswerDue;
        if (due is { } d && !CaseLifecycle.IsClosed(Case.Status) && Case.Status != CaseStatus.Answered) BusinessDaysLeft = await queries.BusinessDaysLeftAsync(d, ct);
        return true;
    }
}
