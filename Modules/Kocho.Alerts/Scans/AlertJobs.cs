using System.Globalization;
using Kocho.Alerts.Delivery;
using Kocho.Alerts.Rules;
using Kocho.Core.Jobs;

namespace Kocho.Alerts.Scans;

/// <summary>
/// The morning scan and the digest as once-per-cluster jobs: each runs under a lease in <c>core_job_leases</c> and is
/// recorded as done for its business date, so with several nodes on one database it runs once for the day.
/// </summary>
public sealed class AlertJobs(JobLeases leases, AlertScanner scanner, AlertDigest digest)
{
    public const string ScanJob = "alerts.scan";
    public const string DigestJob = "alerts.digest";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    /// <summary>The scan of <paramref name="date"/> unless it ran already (or runs now) on any node; null when this node did not run it.</summary>
    public async Task<IReadOnlyDictionary<AlertKind, int>?> ScanOnceAsync(DateOnly date, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<AlertKind, int>? counts = null;
        var ran = await leases.RunOnceAsync(ScanJob, Run(date), Lease, async ct => counts = await scanner.ScanAsync(date, ct), cancellationToken);
        return ran ? counts : null;
    }

    /// <summary>On demand (<c>alerts scan</c>): runs even if the day was scanned (nothing is raised twice), but never beside another node's scan.</summary>
    public async Task<IReadOnlyDictionary<AlertKind, int>?> ScanNowAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (!await leases.TryAcquireAsync(ScanJob, Lease, cancellationToken)) return null;
        try
        {
            var counts = await scanner.ScanAsync(date, cancellationToken);
            await leases.ReleaseAsync(ScanJob, Run(date), CancellationToken.None);
            return counts;
        }
        catch
        {
            await leases.ReleaseAsync(ScanJob, null, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The 8:30 digest of <paramref name="date"/>, once in the cluster; null when this node did not send it.</summary>
    public async Task<int?> DigestOnceAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var sent = 0;
        var ran = await leases.RunOnceAsync(DigestJob, Run(date), Lease, async ct => sent = await digest.SendAsync(date, ct), cancellationToken);
        return ran ? sent : null;
    }

    private static string Run(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
