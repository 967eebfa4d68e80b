using Kocho.Faq.Approval;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Versions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Admin;

/// <summary>
/// One FAQ entry on the staff site: the live and the working version, the diff between them (what the approver approves),
/// the actions the workflow allows this person now (承認依頼, 承認, 差戻し, 公開停止, 確認済み), versions and history.
/// </summary>
[Authorize(Policy = Permissions.ViewFaqName)]
public sealed class EntryModel(FaqService faq, FaqDbContext db, FaqNames names, FaqAccess access, FaqMarkdown markdown) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public FaqEntry Entry { get; private set; } = null!;
    public FaqVersion? Live { get; private set; }
    public FaqVersion? Published { get; private set; }
    public FaqVersion? Working { get; private set; }
    public FaqApprovalStep? Step { get; private set; }
    public IReadOnlyList<FaqApprovalStep> Steps { get; private set; } = [];
    public IReadOnlyList<FaqVersion> AllVersions { get; private set; } = [];
    public IReadOnlyList<FaqHistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<FaqDiffLine> Diff { get; private set; } = [];
    public string? DepartmentName { get; private set; }
    public string? CategoryPath { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanPublish { get; private set; }
    public bool CanUnpublish { get; private set; }
    public bool OwnDraft { get; private set; }
    public string? Error { get; private set; }

    public string Html(FaqVersion version) => markdown.ToHtml(version.Answer);

    public string? Message => Done switch
    {
        "created" => "FAQを作成しました。内容を確かめて承認依頼してください。",
        "saved" => "下書きを保存しました。",
        "submitted" => "承認依頼しました。",
        "approved" => "承認しました。",
        "returned" => "差し戻しました。",
        "published" => "公開しました。",
        "unpublished" => "公開を停止しました。",
        "reviewed" => "内容を確認済みにしました。",
        "restored" => "古い版の内容を新しい下書きにしました。",
        _ => null,
    };

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => ActAsync(a => faq.SubmitAsync(Number, Comment, a, ct), "submitted", ct);
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ActAsync(a => faq.ApproveAsync(Number, Comment, a, ct), "approved", ct);
    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => ActAsync(a => faq.ReturnAsync(Number, Comment, a, ct), "returned", ct);
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => ActAsync(a => faq.PublishDirectlyAsync(Number, Comment, a, ct), "published", ct);
    public Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct) => ActAsync(a => faq.UnpublishAsync(Number, Comment, a, ct), "unpublished", ct);
    public Task<IActionResult> OnPostReviewedAsync(CancellationToken ct) => ActAsync(a => faq.MarkReviewedAsync(Number, a, ct), "reviewed", ct);
    public Task<IActionResult> OnPostRestoreAsync(int version, CancellationToken ct) => ActAsync(a => faq.RestoreAsync(Number, version, a, ct), "restored", ct);

    private async Task<IActionResult> ActAsync(Func<FaqActor, Task> action, string done, CancellationToken cancellationToken)
    {
        try
        {
            await action(FaqActor.From(User));
            return Redirect($"/admin/faq/{Number}?done={done}");
        }
        catch (FaqWorkflowException ex)
        {
            Error = ex.Message;
        }
        catch (FaqNotFoundException)
        {
            return NotFound();
        }
        var page = await ShowAsync(cancellationToken);
        if (page is PageResult) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var actor = FaqActor.From(User);
        var entry = await faq.FindInScopeAsync(Number, actor, cancellationToken);
        if (entry is null) return NotFound();
        Entry = entry;
        AllVersions = await db.Versions.AsNoTracking().Where(v => v.EntryId == entry.Id).OrderByDescending(v => v.VersionNumber).ToListAsync(cancellationToken);
        History = await db.History.AsNoTracking().Where(h => h.EntryId == entry.Id).OrderByDescending(h => h.OccurredAt).ToListAsync(cancellationToken);
        Live = AllVersions.FirstOrDefault(v => v.Id == entry.LiveVersionId);
        Published = AllVersions.FirstOrDefault(v => v.Id == entry.PublishedVersionId);
        Working = AllVersions.FirstOrDefault(v => v.Id == entry.WorkingVersionId);
        DepartmentName = await names.DepartmentNameAsync(entry.OwnerDepartmentId, cancellationToken);
        CategoryPath = await names.CategoryPathAsync((Working ?? Published ?? AllVersions.FirstOrDefault())?.CategoryId, cancellationToken);
        Step = await faq.CurrentStepAsync(entry, cancellationToken);
        Steps = await HttpContext.RequestServices.GetRequiredService<FaqApprovalRoutes>().StepsForAsync(entry.OwnerDepartmentId, cancellationToken);
        CanEdit = await access.CanEditAsync(actor, entry.OwnerDepartmentId, cancellationToken);
        OwnDraft = Working is not null && actor.Id is { } me && (Working.EditedBy == me || Working.SubmittedBy == me);
        CanApprove = Step is not null && !OwnDraft && await access.CanApproveAsync(actor, Step, cancellationToken);
        CanPublish = CanEdit && actor.Has(Permissions.PublishFaqName);
        CanUnpublish = Published is not null && (actor.Has(Permissions.PublishFaqName)
            || (actor.Has(Permissions.ApproveFaqName) && (await access.OwnDepartmentsAsync(actor, cancellationToken)).Contains(entry.OwnerDepartmentId)));
        if (Working is not null)
        {
            Diff = FaqDiff.Compare(
                FaqDiff.Lines(Published, await names.CategoryPathAsync(Published?.CategoryId, cancellationToken)),
                FaqDiff.Lines(Working, await names.CategoryPathAsync(Working.CategoryId, cancellationToken)));
        }
        return Page();
    }
}
