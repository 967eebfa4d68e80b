using Microsoft.AspNetCore.Authorization;

namespace Kocho.Core.Security;

public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}
