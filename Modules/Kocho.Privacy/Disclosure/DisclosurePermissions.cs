using Kocho.Core.Security;

namespace Kocho.Privacy.Disclosure;

/// <summary>Who may produce a disclosure (開示) for a written request: it hands out everything held about a person.</summary>
public sealed class DisclosurePermissions : IPermissionProvider
{
    public const string DiscloseName = "Kocho.Privacy.Disclose";

    public static readonly Permission Disclose = new(DiscloseName, "開示請求に応じて個人の保有情報を出力する", "Produce everything held about a person for a written disclosure request");

    public IEnumerable<Permission> GetPermissions() => [Disclose];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() =>
    [
        (StandardRoles.Administrator, [Disclose]),
        (StandardRoles.PublicHearing, [Disclose]),
    ];
}
