using Kocho.Alerts.Data;
using Kocho.Core.Audit;
using Kocho.Core.Data;
using Kocho.Core.Departments;
using Kocho.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Alerts.Rules;

/// <summary>
/// Reads, checks and saves alert rules for the rules page and the recipe step. Bad input gets a Japanese message per field
/// and changes nothing; a saved or deleted rule is written to the audit trail in the same transaction.
/// </summary>
public sealed class AlertRuleService(
    AlertsDbContext db,
    UnitOfWork unitOfWork,
    DepartmentDirectory departments,
    IStaffDirectory staff,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int MaxBusinessDays = 30;

    public async Task<IReadOnlyList<AlertRule>> AllAsync(CancellationToken cancellationToken) =>
        (await db.Rules.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(r => r.Kind).ThenByDescending(r => r.BusinessDays).ToList();

    public Task<AlertRule?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Checks <paramref name="input"/>; the rule it describes, or the errors by field name.</summary>
    public async Task<(AlertRule? Rule, Dictionary<string, string> Errors)> ValidateAsync(AlertRuleInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var rule = new AlertRule { Enabled = input.Enabled, Inbox = input.Inbox, Mail = input.Mail };
        if (!AlertKinds.TryParse(input.Kind, out var kind))
        {
            errors[nameof(input.Kind)] = "アラートの種類を選んでください。";
        }
        rule.Kind = kind;
        if (AlertKinds.NeedsBusinessDays(kind))
        {
            if (input.BusinessDays is not { } days || days < 1 || days > MaxBusinessDays)
            {
                errors[nameof(input.BusinessDays)] = $"業務日数は 1 から {MaxBusinessDays} までの数字で入力してください。";
            }
            rule.BusinessDays = input.BusinessDays;
        }
        if (!Enum.TryParse<RecipientDepartment>(input.Department, ignoreCase: true, out var target) || !Enum.IsDefined(target) || int.TryParse(input.Department, out _))
        {
            errors[nameof(input.Department)] = "宛先の所属を選んでください。";
        }
        rule.Department = target;
        if (target == RecipientDepartment.Fixed)
        {
            var department = string.IsNullOrWhiteSpace(input.DepartmentCode) ? null : await departments.FindByCodeAsync(input.DepartmentCode.Trim(), cancellationToken);
            if (department is null)
            {
                errors[nameof(input.DepartmentCode)] = "宛先の所属を所属コードで正しく指定してください。";
            }
            rule.DepartmentId = department?.Id;
        }
        var role = string.IsNullOrWhiteSpace(input.Role) ? null : input.Role.Trim();
        if (role is not null && (role.Length > 100 || !await RoleExistsAsync(role, cancellationToken)))
        {
            errors[nameof(input.Role)] = $"ロール「{role}」はありません。";
        }
        rule.Role = role;
        rule.Users = string.Join('\n', (input.Users ?? "").Split(['\n', '\r', ',', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var logins = rule.UserLogins();
        if (rule.Users.Length > 2000)
        {
            errors[nameof(input.Users)] = "個別の宛先が多すぎます。";
        }
        else if (logins.Count > 0)
        {
            var found = (await staff.ByLoginAsync([.. logins], cancellationToken)).Select(s => s.Login).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = logins.Where(l => !found.Contains(l)).ToList();
            if (unknown.Count > 0) errors[nameof(input.Users)] = $"職員「{string.Join("、", unknown)}」が見つかりません。ログインIDで入力してください。";
        }
        if (target == RecipientDepartment.None && logins.Count == 0 && !errors.ContainsKey(nameof(input.Users)))
        {
            errors[nameof(input.Users)] = "宛先の所属を「なし」にするときは、個別の宛先を1人以上入力してください。";
        }
        if (!rule.Inbox && !rule.Mail)
        {
            errors[nameof(input.Inbox)] = "受信箱とメールの少なくとも一方を選んでください。";
        }
        return (errors.Count == 0 ? rule : null, errors);
    }

    /// <summary>Adds (<paramref name="id"/> null) or replaces a rule; returns the errors, empty when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(Guid? id, AlertRuleInput input, CancellationToken cancellationToken)
    {
        var (rule, errors) = await ValidateAsync(input, cancellationToken);
        if (rule is null) return errors;
        await unitOfWork.ExecuteAsync(ct => SaveValidAsync(id, rule, ct), cancellationToken);
        return errors;
    }

    /// <summary>Inside the caller's transaction (the recipe step's): stores a checked rule.</summary>
    public async Task SaveValidAsync(Guid? id, AlertRule rule, CancellationToken cancellationToken)
    {
        AlertRule target;
        if (id is { } existingId && await db.Rules.FirstOrDefaultAsync(r => r.Id == existingId, cancellationToken) is { } existing)
        {
            target = existing;
        }
        else
        {
            target = new AlertRule { Id = id ?? Guid.NewGuid() };
            db.Rules.Add(target);
        }
        target.Kind = rule.Kind;
        target.Enabled = rule.Enabled;
        target.BusinessDays = rule.BusinessDays;
        target.Department = rule.Department;
        target.DepartmentId = rule.DepartmentId;
        target.Role = rule.Role;
        target.Users = rule.Users;
        target.Inbox = rule.Inbox;
        target.Mail = rule.Mail;
        target.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(new AuditEntry("alerts.rule.saved", "AlertRule", target.Id.ToString(), $"{target.Kind} {target.BusinessDays}"), cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var rule = await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null) return false;
            db.Rules.Remove(rule);
            await audit.RecordAsync(new AuditEntry("alerts.rule.deleted", "AlertRule", id.ToString(), rule.Kind.ToString()), ct);
            return true;
        }, cancellationToken);

    /// <summary>A rule of the same kind, threshold and department target as <paramref name="rule"/> (what a recipe run again updates).</summary>
    public Task<Guid?> SameTargetAsync(AlertRule rule, CancellationToken cancellationToken) =>
        db.Rules.AsNoTracking()
            .Where(r => r.Kind == rule.Kind && r.BusinessDays == rule.BusinessDays && r.Department == rule.Department && r.DepartmentId == rule.DepartmentId && r.Role == rule.Role)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<bool> RoleExistsAsync(string role, CancellationToken cancellationToken) =>
        (await staff.RolesAsync(cancellationToken)).Any(r => string.Equals(r.Name, role, StringComparison.OrdinalIgnoreCase));
}
