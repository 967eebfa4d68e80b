namespace Kocho.Core.Web.RateLimiting;

/// <summary>
/// Limits form posts to this page or endpoint per client IP under a named policy (sign-in, registration,
/// password reset, public forms). Reading is limited only where <see cref="Reads"/> says so (search, Open311).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RateLimitedAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;

    /// <summary>Every request counts, not only posts: for endpoints whose reads cost (search) or are an API.</summary>
    public bool Reads { get; init; }
}
