using Kocho.Core.Security;

namespace Kocho.Alerts;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageAlertRulesName = "Kocho.Alerts.ManageRules";

    public static readonly Permission ManageAlertRules = new(ManageAlertRulesName, "アラートの送信ルールを管理する", "Manage alert rules");

    public IEnumerable<Permission> GetPermissions() => [ManageAlertRules];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ManageAlertRules])];
}
