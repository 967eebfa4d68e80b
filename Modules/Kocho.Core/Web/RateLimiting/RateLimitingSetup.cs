using System.Threading.RateLimiting;
using Kocho.Core.Web.Refusals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Web.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter keyed by policy and client IP; POSTs to endpoints marked <see cref="RateLimitedAttribute"/>
/// count (every request where it says <c>Reads</c>). A refusal is 429 with Retry-After and a Japanese sentence, as a page
/// or as the API's error body (<see cref="RequestRefusal"/>); the refused request never reaches its page.
/// </summary>
public static class RateLimitingSetup
{
    public const string RejectedMessage = RequestRefusal.TooManyRequests;

    public static IServiceCollection AddKochoRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var policies = RateLimitPolicy.Defaults.ToDictionary(
            p => p.Key,
            p => configuration.GetSection($"Kocho:RateLimits:{p.Key}").Get<RateLimitPolicy>() ?? p.Value);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var marker = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();
                if (marker is null || !(marker.Reads || HttpMethods.IsPost(context.Request.Method)) || !policies.TryGetValue(marker.Policy, out var policy))
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }
                var key = marker.Policy + "|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = policy.PermitLimit,
                    Window = TimeSpan.FromSeconds(policy.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                await RequestRefusal.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited", RejectedMessage,
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
            };
        });
        return services;
    }
}
