using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Kocho.Core.Security;

/// <summary>
/// Lets pages say <c>[Authorize(Policy = Permissions.X)]</c> with a permission name: any policy name
/// that is a declared permission becomes "staff signed in and holding that permission".
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionRegistry registry)
    : DefaultAuthorizationPolicyProvider(options)
{
    public const string StaffScheme = "Kocho.Staff";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || registry.Find(policyName) is null)
        {
            return policy;
        }
        return new AuthorizationPolicyBuilder(StaffScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName))
            .Build();
    }
}
