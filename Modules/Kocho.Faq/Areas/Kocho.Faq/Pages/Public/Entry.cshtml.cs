using System.Globalization;
using Kocho.Core.Data;
using Kocho.Core.Web.RateLimiting;
using Kocho.Faq.Data;
using Kocho.Faq.Entries;
using Kocho.Faq.Feedback;
using Kocho.Faq.Public;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kocho.Faq.Areas.Kocho.Faq.Pages.Public;

/// <summary>
/// One public FAQ entry: answer, related links and entries, the owner department's contact, and
/// 「この回答は役に立ちましたか？」 (rate limited). 内部 or unpublished entries are 404. Opening it from an inquiry-form
/// suggestion (<c>?from=suggest</c>) is recorded as a possible deflection.
/// </summary>
[RateLimited(RateLimitPolicies.FaqFeedback)]
public sealed class EntryModel(FaqPublicCatalog catalog, FaqNames names, FaqMarkdown markdown, FaqDbContext db, UnitOfWork unitOfWork, TimeProvider clock, IStringLocalizer T) : PageModel
{
    public const int CommentLength = 200;

    [BindProperty(SupportsGet = true)]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "feedback")]
    public string? FeedbackDone { get; set; }

    [BindProperty]
    public bool? Helpful { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public FaqPublicEntry Entry { get; private set; } = null!;
    public string AnswerHtml { get; private set; } = "";
    public IReadOnlyList<FaqRelatedLink> Links { get; private set; } = [];
    public IReadOnlyList<FaqPublicEntry> Related { get; private set; } = [];
    public string? DepartmentName { get; private set; }
    public string? DepartmentPhone { get; private set; }
    public List<(string Text, string? Url)> Breadcrumb { get; } = [];
    public bool Thanks => FeedbackDone == "thanks";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        if (!Thanks)
        {
            await catalog.CountViewAsync(Entry.EntryId, cancellationToken);
            if (From == "suggest")
            {
                await unitOfWork.ExecuteAsync(async ct =>
                {
                    db.SuggestionEvents.Add(new FaqSuggestionEvent { EntryNumber = Number, Opened = true, OccurredAt = clock.GetUtcNow().UtcDateTime });
                    await Task.CompletedTask;
                }, cancellationToken);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostFeedbackAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken)) return NotFound();
        var comment = Comment?.Trim();
        if (Helpful is null) Error = T["「はい」か「いいえ」を選んでください。"].Value;
        else if (comment is { Length: > CommentLength }) Error = T["ご意見は{0}文字以内で入力してください。", CommentLength].Value;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await unitOfWork.ExecuteAsync(async ct =>
        {
            db.Feedback.Add(new FaqFeedback
            {
                EntryId = Entry.EntryId, VersionId = Entry.Version.Id, Helpful = Helpful!.Value,
                Comment = string.IsNullOrEmpty(comment) ? null : comment, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            var entry = await db.Entries.FirstAsync(e => e.Id == Entry.EntryId, ct);
            if (Helpful!.Value) entry.HelpfulCount++; else entry.NotHelpfulCount++;
        }, cancellationToken);
        return Redirect($"/faq/{Number}?feedback=thanks#faq-feedback-title");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = await catalog.FindAsync(Number, cancellationToken);
        if (entry is null) return false;
        Entry = entry;
        AnswerHtml = markdown.ToHtml(entry.Version.Answer);
        Links = FaqRelatedLink.Parse(entry.Version.RelatedLinks);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var departments = await names.DepartmentsAsync(cancellationToken);
        if (departments.TryGetValue(entry.OwnerDepartmentId, out var department))
        {
            DepartmentName = english && department.NameEn is not null ? department.NameEn : department.Name;
            DepartmentPhone = department.Phone;
        }
        if (entry.Version.CategoryId is { } categoryId)
        {
            Related = await catalog.Live().Where(x => x.Version.CategoryId == categoryId && x.Number != Number)
                .OrderByDescending(x => x.ViewCount).ThenBy(x => x.Number).Take(5).ToListAsync(cancellationToken);
            var categories = await names.CategoriesAsync(cancellationToken);
            Breadcrumb.Add((T["よくある質問"].Value, "/faq"));
            if (categories.TryGetValue(categoryId, out var category))
            {
                if (category.ParentId is { } p && categories.TryGetValue(p, out var parent)) Breadcrumb.Add((english && parent.NameEn is not null ? parent.NameEn : parent.Name, "/faq/category/" + parent.Code));
                Breadcrumb.Add((english && category.NameEn is not null ? category.NameEn : category.Name, "/faq/category/" + category.Code));
            }
        }
        else
        {
            Breadcrumb.Add((T["よくある質問"].Value, "/faq"));
        }
        Breadcrumb.Add((entry.Version.Question, null));
        return true;
    }
}
