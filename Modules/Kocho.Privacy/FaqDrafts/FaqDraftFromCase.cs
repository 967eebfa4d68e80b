using Kocho.Core.Audit;
using Kocho.Core.Departments;
using Kocho.Core.Protection.Redaction;
using Kocho.Core.Residents;
using Kocho.Faq.Entries;
using Kocho.Opinions.Cases;

namespace Kocho.Privacy.FaqDrafts;

/// <summary>
/// Case → FAQ draft (issue #9 item 4): a case with a sent answer becomes a FAQ draft in the FAQ approval workflow,
/// its question and answer pre-filled with the sender's and any other personal data masked.
/// </summary>
public sealed class FaqDraftFromCase(CaseQueries queries, IResidentDirectory residents, IPersonalDataRedactor redactor, DepartmentDirectory departments, FaqService faq, IAuditTrail audit)
{
    /// <summary>Null when the case is not the actor's to see (404) or has no sent answer.</summary>
    public async Task<FaqDraftSource?> BuildAsync(CaseActor actor, Guid caseId, CancellationToken cancellationToken = default)
    {
        var found = await queries.FindAsync(actor, caseId, cancellationToken);
        if (found is null) return null;
        var answer = await queries.AnswerAsync(actor, caseId, cancellationToken);
        if (answer?.SentAt is null) return null;
        var known = new List<string?> { found.ContactName, found.ContactAddress, found.ContactPhone, found.ContactFax, found.ContactEmail, found.ContactPostalCode };
        if (found.ResidentUserId is { } userId && await residents.FindAsync(userId, cancellationToken) is { } r)
        {
            known.AddRange([r.Name, r.Address, r.Phone, r.Fax, r.Email, r.PostalCode]);
        }
        var question = redactor.Redact(found.Body, known);
        if (question.Text.Length > FaqService.QuestionLength)
        {
            question = new RedactionResult(question.Text[..FaqService.QuestionLength], question.Items.Where(i => i.MaskIndex + i.MaskLength <= FaqService.QuestionLength).ToList());
        }
        var department = answer.DepartmentId ?? found.LeadDepartmentId;
        var code = department is { } d ? (await departments.FindAsync(d, cancellationToken))?.Code : null;
        return new FaqDraftSource(found.Id, found.ReceiptNumber, code, question, redactor.Redact(answer.Text, known));
    }

    /// <summary>Saves the (edited) draft through the FAQ workflow and records which case it came from.</summary>
    public async Task<FaqEntry> CreateAsync(Guid caseId, string receiptNumber, FaqInput input, FaqActor actor, CancellationToken cancellationToken = default)
    {
        var entry = await faq.CreateAsync(input, actor, cancellationToken);
        await audit.RecordAsync(new AuditEntry("privacy.faqdraft.created", "FaqEntry", entry.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"case={caseId}; receipt={receiptNumber}"), cancellationToken);
        return entry;
    }
}
