namespace Kocho.Core.Web.RateLimiting;

/// <summary>The policy names; limits are per node (documented in the README).</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string PublicForm = "public-form";
}
