using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Kocho.Users.Accounts;

/// <summary>
/// A staff member with a <see cref="PendingStep"/> holds no permission, so every staff page refuses them;
/// instead of the "access denied" page they are sent to the page where they finish the step.
/// </summary>
public sealed class PendingStepRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && PendingSteps.Of(context.User) is var step and not PendingStep.None)
        {
            context.Response.Redirect(PendingSteps.PathOf(step));
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
