using Microsoft.AspNetCore.Authorization;

namespace Kocho.Core.Security;

/// <summary>Grants a permission when the signed-in staff user's roles hold it.</summary>
public sealed class PermissionAuthorizationHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasClaim(StandardRoles.PermissionClaim, requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
