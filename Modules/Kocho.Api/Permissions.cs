using Kocho.Core.Security;

namespace Kocho.Api;

/// <summary>Administrators issue and revoke the integrations' API keys; every staff member may read the API reference.</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ManageApiKeysName = "Kocho.Api.ManageKeys";

    public static readonly Permission ManageApiKeys = new(ManageApiKeysName, "連携先のAPIキーを発行・無効化する", "Issue and revoke the integrations' API keys");

    public IEnumerable<Permission> GetPermissions() => [ManageApiKeys];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
        [(StandardRoles.Administrator, [ManageApiKeys])];
}
