using Kocho.Opinions.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Kocho.Opinions.Suggestions;

/// <summary>
/// The suggested 主管課 beside the forwarding form: <c>@await Component.InvokeAsync("DepartmentSuggestions", new { caseId, subject, body })</c>.
/// Shown only to staff who may forward (they see every case the reasons name); placed inside the forwarding form,
/// each suggestion's button forwards to that department.
/// </summary>
public sealed class DepartmentSuggestionsViewComponent(DepartmentSuggester suggester) : ViewComponent
{
    public const string ViewPath = "/Areas/Kocho.Opinions/Pages/Admin/Search/_DepartmentSuggestions.cshtml";

    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, string? subject, string? body)
    {
        if (!CaseActor.From(UserClaimsPrincipal).Can(Permissions.ForwardName)) return Content("");
        var suggestions = await suggester.SuggestAsync($"{subject}\n{body}", caseId, 3, HttpContext.RequestAborted);
        return View(ViewPath, suggestions);
    }
}
