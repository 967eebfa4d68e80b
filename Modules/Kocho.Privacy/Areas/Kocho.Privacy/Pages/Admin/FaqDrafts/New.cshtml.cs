using Microsoft.AspNetCore.Http;
using Kocho.Core.Audit;
using Kocho.Core.Protection.Redaction;
using Kocho.Faq.Entries;
using Kocho.Opinions.Cases;
using Kocho.Privacy.FaqDrafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Privacy.Areas.Kocho.Privacy.Pages.Admin.FaqDrafts;

/// <summary>
/// 意見等からFAQの下書き: the redacted question and answer, with what was masked highlighted and listed (the masked
/// values themselves only for staff who may view personal data, and that view is audited), editable before saving.
/// </summary>
[Authorize(Policy = global::Kocho.Faq.Permissions.EditFaqName)]
public sealed class NewModel(FaqDraftFromCase drafts, IAuditTrail audit) : PageModel
{
    [BindProperty] public FaqInput Input { get; set; } = new();

    public FaqDraftSource? Source { get; private set; }
    public bool ShowOriginals { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public List<string> FormErrors { get; } = [];

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public string KindLabel(RedactedKind kind) => kind switch
    {
        RedactedKind.Name => "氏名",
        RedactedKind.Phone => "電話番号",
        RedactedKind.Fax => "FAX番号",
        RedactedKind.Email => "メールアドレス",
        RedactedKind.PostalCode => "郵便番号",
        _ => "住所",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        Input = new FaqInput
        {
            Question = Source!.Question.Text,
            Answer = Source.Answer.Text,
            Department = Source.DepartmentCode,
            Visibility = FaqVisibility.Internal,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        try
        {
            var entry = await drafts.CreateAsync(id, Source!.ReceiptNumber, Input, FaqActor.From(User), cancellationToken);
            return Redirect($"/admin/faq/{entry.Number}?done=created");
        }
        catch (global::Kocho.Faq.Entries.FaqValidationException ex)
        {
            Errors = ex.Errors;
        }
        catch (global::Kocho.Faq.Approval.FaqWorkflowException ex)
        {
            FormErrors.Add(ex.Message);
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = CaseActor.From(User);
        Source = await drafts.BuildAsync(actor, id, cancellationToken);
        if (Source is null) return NotFound();
        ShowOriginals = actor.Can(global::Kocho.Opinions.Permissions.ViewPersonalDataName);
        var masked = Source.Question.Items.Count + Source.Answer.Items.Count;
        if (ShowOriginals && masked > 0 && HttpMethods.IsGet(Request.Method))
        {
            await audit.RecordAsync(new AuditEntry("privacy.faqdraft.masked.viewed", "OpinionCase", id.ToString(), $"items={masked}"), cancellationToken);
        }
        return null;
    }
}
