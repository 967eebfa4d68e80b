namespace Kocho.Core.Web.RateLimiting;

/// <summary><c>Kocho:RateLimits:&lt;policy&gt;</c>: how many posts one IP may make in a window.</summary>
public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;

    public static readonly IReadOnlyDictionary<string, RateLimitPolicy> Defaults = new Dictionary<string, RateLimitPolicy>
    {
        [RateLimitPolicies.SignIn] = new() { PermitLimit = 10, WindowSeconds = 60 },
        [RateLimitPolicies.Registration] = new() { PermitLimit = 5, WindowSeconds = 600 },
        [RateLimitPolicies.PasswordReset] = new() { PermitLimit = 5, WindowSeconds = 600 },
        [RateLimitPolicies.PublicForm] = new() { PermitLimit = 10, WindowSeconds = 600 },
        [RateLimitPolicies.FaqFeedback] = new() { PermitLimit = 20, WindowSeconds = 600 },
        [RateLimitPolicies.Search] = new() { PermitLimit = 300, WindowSeconds = 60 },
        [RateLimitPolicies.Open311] = new() { PermitLimit = 120, WindowSeconds = 60 },
    };
}
