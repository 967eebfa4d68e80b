namespace Kocho.Core.Web.RateLimiting;

/// <summary>
/// Limits form posts to this page or endpoint per client IP under a named policy (sign-in, registration,
/// password reset, public forms). Reading the page is never limited.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimitedAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}
