using Kocho.Core.Security;

namespace Kocho.Privacy.ProhibitedTerms;

/// <summary>Only administrators edit the term list of the prohibited categories.</summary>
public sealed class ProhibitedTermPermissions : IPermissionProvider
{
    public const string ManageName = "Kocho.Privacy.ManageProhibitedTerms";

    public static readonly Permission Manage = new(ManageName, "要配慮の語の一覧を管理する", "Manage the prohibited-category terms");

    public IEnumerable<Permission> GetPermissions() => [Manage];

    public IEnumerable<(string Role, IEnumerable<Permission> Permissions)> GetDefaultRoles() => [(StandardRoles.Administrator, [Manage])];
}
