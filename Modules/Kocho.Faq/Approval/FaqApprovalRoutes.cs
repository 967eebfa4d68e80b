using System.Text.Json;
using Kocho.Core.Departments;
using Kocho.Core.Settings;

namespace Kocho.Faq.Approval;

/// <summary>
/// The approval steps of an owner department, from the setting <c>Faq.ApprovalSteps</c>:
/// <c>{ "default": [ { "name": "所管課の上位者" } ], "0502": [ { "name": "課長" }, { "name": "広聴担当課", "department": "0103" } ] }</c>.
/// A step without a department is the owner department's approver. Without the setting: one step, the owner's approver.
/// </summary>
public sealed class FaqApprovalRoutes(SiteSettings settings, DepartmentDirectory departments)
{
    public const string SettingKey = "Faq.ApprovalSteps";
    public const string DefaultStepName = "所管課の上位者";

    public sealed record StepSetting(string Name, string? Department);

    public async Task<IReadOnlyList<FaqApprovalStep>> StepsForAsync(Guid ownerDepartmentId, CancellationToken cancellationToken)
    {
        var owner = await departments.FindAsync(ownerDepartmentId, cancellationToken);
        Dictionary<string, List<StepSetting>>? configured = null;
        var raw = await settings.GetStringAsync(SettingKey, cancellationToken);
        if (!string.IsNullOrWhiteSpace(raw))
        {
            configured = JsonSerializer.Deserialize<Dictionary<string, List<StepSetting>>>(raw, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        var route = configured is null ? null
            : owner is not null && configured.TryGetValue(owner.Code, out var own) ? own
            : configured.GetValueOrDefault("default");
        if (route is null || route.Count == 0) return [new FaqApprovalStep(DefaultStepName, ownerDepartmentId, OwnerStep: true)];
        var steps = new List<FaqApprovalStep>();
        foreach (var step in route)
        {
            var department = ownerDepartmentId;
            var ownerStep = string.IsNullOrWhiteSpace(step.Department);
            if (!ownerStep)
            {
                department = (await departments.FindByCodeAsync(step.Department!, cancellationToken))?.Id
                    ?? throw new FaqWorkflowException($"承認経路の設定にある所属コード {step.Department} が見つかりません。管理者に連絡してください。");
            }
            steps.Add(new FaqApprovalStep(string.IsNullOrWhiteSpace(step.Name) ? DefaultStepName : step.Name, department, ownerStep || department == ownerDepartmentId));
        }
        return steps;
    }
}
