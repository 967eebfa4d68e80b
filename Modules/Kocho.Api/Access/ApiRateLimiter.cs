using System.Threading.RateLimiting;
using Kocho.Api.Keys;

namespace Kocho.Api.Access;

/// <summary>Calls per key and minute (the key's own limit), kept per node like the site's other limits.</summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<ApiKey> _limiter = PartitionedRateLimiter.Create<ApiKey, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter($"{key.Id}:{key.RequestsPerMinute}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when the call may go ahead; otherwise the seconds to wait.</summary>
    public int? TryAcquire(ApiKey key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
    }

    public void Dispose() => _limiter.Dispose();
}
