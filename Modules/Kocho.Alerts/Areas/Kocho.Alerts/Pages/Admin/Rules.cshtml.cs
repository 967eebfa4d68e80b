using Kocho.Alerts.Rules;
using Kocho.Core.Departments;
using Kocho.Core.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kocho.Alerts.Areas.Kocho.Alerts.Pages.Admin;

/// <summary>アラート送信ルール: administrators choose per kind who gets which alert through which channels; bad input saves nothing.</summary>
[Authorize(Policy = Permissions.ManageAlertRulesName)]
public sealed class RulesModel(AlertRuleService rules, DepartmentDirectory departments, IStaffDirectory staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public AlertRuleInput Input { get; set; } = new();

    public IReadOnlyList<AlertRule> Rules { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<StaffRole> Roles { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        await LoadAsync(cancellationToken);
        if (Edit is { } id)
        {
            var rule = Rules.FirstOrDefault(r => r.Id == id);
            if (rule is null) return NotFound();
            Input = new AlertRuleInput
            {
                Kind = rule.Kind.ToString(), Enabled = rule.Enabled, BusinessDays = rule.BusinessDays, Department = rule.Department.ToString(),
                DepartmentCode = Departments.FirstOrDefault(d => d.Id == rule.DepartmentId)?.Code, Role = rule.Role, Users = rule.Users,
                Inbox = rule.Inbox, Mail = rule.Mail,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Edit is { } id && await rules.FindAsync(id, cancellationToken) is null) return NotFound();
        // Unparseable values (a threshold that is not a number) get a Japanese message, not the framework's.
        foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0).ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, key.EndsWith(nameof(AlertRuleInput.BusinessDays), StringComparison.Ordinal)
                ? $"業務日数は 1 から {AlertRuleService.MaxBusinessDays} までの数字で入力してください。"
                : "形式が正しくありません。");
        }
        if (ModelState.IsValid)
        {
            var errors = await rules.SaveAsync(Edit, Input, cancellationToken);
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            if (errors.Count == 0) return Redirect("/admin/alerts/rules?saved=true");
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(id, cancellationToken) ? Redirect("/admin/alerts/rules?saved=true") : NotFound();

    public string Recipients(AlertRule rule)
    {
        var parts = new List<string>();
        var department = rule.Department switch
        {
            RecipientDepartment.Item => "担当課",
            RecipientDepartment.Fixed => Departments.FirstOrDefault(d => d.Id == rule.DepartmentId)?.Name ?? "（廃止された所属）",
            _ => null,
        };
        if (department is not null)
        {
            var role = rule.Role is null ? null : Roles.FirstOrDefault(r => string.Equals(r.Name, rule.Role, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? rule.Role;
            parts.Add(role is null ? $"{department}の全員" : $"{department}の{role}");
        }
        if (rule.UserLogins().Count > 0) parts.Add(string.Join("、", rule.UserLogins()));
        return string.Join(" ＋ ", parts);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await rules.AllAsync(cancellationToken);
        Departments = (await departments.AllAsync(cancellationToken)).Where(d => d.Level != DepartmentLevel.Division).ToList();
        Roles = await staff.RolesAsync(cancellationToken);
    }
}
