using Kocho.Core.Security;

namespace Kocho.Integrations;

public sealed class Permissions : IPermissionProvider
{
    public const string ManageWebhooksName = "Kocho.Integrations.ManageWebhooks";

    public static readonly Permission ManageWebhooks = new(ManageWebhooksName, "Webhookの送信先を管理する", "Manage webhook endpoints");

    public IEnumerable<Permission> GetPermissions() => [ManageWebhooks];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ManageWebhooks])];
}
