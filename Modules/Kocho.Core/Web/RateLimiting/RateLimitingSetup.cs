using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kocho.Core.Web.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter keyed by policy and client IP; only POSTs to endpoints marked
/// <see cref="RateLimitedAttribute"/> count. A refusal is 429 with Retry-After and a Japanese sentence.
/// </summary>
public static class RateLimitingSetup
{
    public const string RejectedMessage = "短い時間に多くの送信がありました。しばらく待ってからもう一度お試しください。";

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
                if (marker is null || !HttpMethods.IsPost(context.Request.Method) || !policies.TryGetValue(marker.Policy, out var policy))
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
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(RejectedMessage, cancellationToken);
            };
        });
        return services;
    }
}
