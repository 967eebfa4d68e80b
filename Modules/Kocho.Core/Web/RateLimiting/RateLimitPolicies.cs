namespace Kocho.Core.Web.RateLimiting;

/// <summary>The policy names; limits are per node (documented in the README).</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
    public const string PublicForm = "public-form";
    public const string FaqFeedback = "faq-feedback";
    public const string Search = "search";
    public const string Open311 = "open311";
}
