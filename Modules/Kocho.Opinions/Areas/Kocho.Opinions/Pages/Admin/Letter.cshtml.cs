using Kocho.Core.Departments;
using Kocho.Opinions.Cases;
using Kocho.Opinions.Handling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>回答書: the printable A4 answer letter with the address block, for answers sent by post (the address view is audited).</summary>
[Authorize(Policy = Permissions.ViewCasesName)]
public sealed class LetterModel(CaseQueries queries, DepartmentDirectory departments) : PageModel
{
    public OpinionCase Case { get; private set; } = null!;
    public CaseAnswer Answer { get; private set; } = null!;
    public CaseContact? Contact { get; private set; }
    public string DepartmentName { get; private set; } = "";
    public DateOnly Date { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = CaseActor.From(User);
        var found = await queries.FindAsync(actor, id, cancellationToken);
        if (found is null) return NotFound();
        if (!actor.Can(Permissions.SendName)) return Forbid();
        var answer = await queries.AnswerAsync(actor, id, cancellationToken);
        if (answer is null) return NotFound();
        Case = found;
        Answer = answer;
        if (actor.Can(Permissions.ViewPersonalDataName)) Contact = await queries.ContactAsync(actor, id, cancellationToken);
        DepartmentName = answer.DepartmentId is { } d ? (await departments.FindAsync(d, cancellationToken))?.Name ?? "" : "";
        Date = DateOnly.FromDateTime(global::Kocho.Core.Calendar.JapanTime.ToJst(answer.SentAt ?? DateTime.UtcNow));
        return Page();
    }
}
