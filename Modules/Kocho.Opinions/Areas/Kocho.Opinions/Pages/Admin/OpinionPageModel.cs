using Kocho.Core.Audit;
using Kocho.Core.Departments;
using Kocho.Core.ProhibitedTerms;
using Kocho.Opinions.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Opinions.Areas.Kocho.Opinions.Pages.Admin;

/// <summary>
/// Base of the staff opinion pages: the acting staff member, department names, and the second step 特記事項 5 asks for when
/// staff-entered text holds a term of the prohibited categories (the same form again, with a confirmation; nothing saved before).
/// </summary>
public abstract class OpinionPageModel(DepartmentDirectory departments) : PageModel
{
    private Dictionary<Guid, Department>? _departments;

    protected CaseActor Actor => CaseActor.From(User);

    public bool Can(string permission) => Actor.Can(permission);

    public IReadOnlyList<Department> Sections(DateOnly today) =>
        (_departments?.Values ?? Enumerable.Empty<Department>()).Where(d => d.Level == DepartmentLevel.Section && d.IsActiveOn(today)).OrderBy(d => d.SortOrder).ToList();

    public string DepartmentName(Guid? id) => id is { } value && _departments?.GetValueOrDefault(value) is { } d ? d.Name : "";

    protected async Task LoadDepartmentsAsync(CancellationToken cancellationToken) =>
        _departments ??= (await departments.AllAsync(cancellationToken)).ToDictionary(d => d.Id);

    /// <summary>Ticked on the second step: the staff member confirms that recording the prohibited-category terms is necessary.</summary>
    [BindProperty] public bool ConfirmProhibited { get; set; }

    public IReadOnlyList<ProhibitedTermMatch> ProhibitedMatches { get; private set; } = [];

    /// <summary>Which form on the page asks for the confirmation (the page may hold several).</summary>
    public string? ProhibitedForm { get; private set; }

    /// <summary>True when the texts hold terms not confirmed yet: show the page again with the question and save nothing.</summary>
    protected async Task<bool> AsksToConfirmAsync(ProhibitedTermGuard guard, string form, IEnumerable<string?> texts, CancellationToken cancellationToken)
    {
        ProhibitedMatches = await guard.FindAsync(texts, cancellationToken);
        ProhibitedForm = ProhibitedMatches.Count > 0 ? form : null;
        return ProhibitedMatches.Count > 0 && !ConfirmProhibited;
    }

    /// <summary>
    /// The audit record of a confirmation given (who and when from the request; the case, the form and the terms). Call it
    /// inside the transaction that saves the text, so the record and the text commit together.
    /// </summary>
    protected Task RecordConfirmationAsync(IAuditTrail audit, Guid caseId, CancellationToken cancellationToken) =>
        ProhibitedMatches.Count == 0
            ? Task.CompletedTask
            : audit.RecordAsync(new AuditEntry("opinion.prohibited-terms.confirmed", "OpinionCase", caseId.ToString(),
                $"form={ProhibitedForm} {ProhibitedTermGuard.Describe(ProhibitedMatches)}"), cancellationToken);
}
