using Kocho.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Kocho.Core.Jobs;

/// <summary>
/// Once-per-cluster jobs (morning alert scans, digests, later the retention purge): a node runs a job only while it
/// holds its lease. A claim is one atomic upsert (<c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>, the same on SQLite and
/// PostgreSQL) that succeeds only when the lease is free, expired or already this node's. Nodes' clocks must agree (NTP).
/// </summary>
public sealed class JobLeases(JobsDbContext db, JobLeaseOwner owner, TimeProvider clock)
{
    public string Owner => owner.Id;

    /// <summary>True when this node now holds <paramref name="job"/> for <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        if (job.Length > JobLease.MaxNameLength) throw new ArgumentException("The job name is too long.", nameof(job));
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO core_job_leases ("Name", "Owner", "ExpiresUtc") VALUES ({0}, {1}, {2})
            ON CONFLICT ("Name") DO UPDATE SET "Owner" = excluded."Owner", "ExpiresUtc" = excluded."ExpiresUtc"
            WHERE core_job_leases."ExpiresUtc" <= {3} OR core_job_leases."Owner" = {1}
            """,
            [job, Owner, now + duration, now], cancellationToken);
        return claimed == 1;
    }

    /// <summary>The run this job last completed on any node (what <see cref="ReleaseAsync"/> recorded), or null.</summary>
    public Task<string?> LastCompletedAsync(string job, CancellationToken cancellationToken = default) =>
        db.Leases.AsNoTracking().Where(l => l.Name == job).Select(l => l.LastCompleted).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Frees the lease if this node holds it; with <paramref name="completed"/>, records that run as done.</summary>
    public async Task ReleaseAsync(string job, string? completed, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leases = db.Leases.Where(l => l.Name == job && l.Owner == Owner);
        if (completed is null)
        {
            await leases.ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, now), cancellationToken);
        }
        else
        {
            await leases.ExecuteUpdateAsync(s => s
                .SetProperty(l => l.ExpiresUtc, now)
                .SetProperty(l => l.LastCompleted, completed)
                .SetProperty(l => l.LastCompletedUtc, now), cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> for <paramref name="run"/> unless another node holds the lease or the run is
    /// completed already. Returns whether this node ran it. A failed run releases the lease without completing.
    /// </summary>
    public async Task<bool> RunOnceAsync(string job, string run, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        // A cheap read first: schedulers ask every minute, and most of the day the run is done.
        if (await LastCompletedAsync(job, cancellationToken) == run) return false;
        if (!await TryAcquireAsync(job, duration, cancellationToken)) return false;
        try
        {
            if (await LastCompletedAsync(job, cancellationToken) == run)
            {
                await ReleaseAsync(job, completed: null, CancellationToken.None);
                return false;
            }
            await work(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(job, completed: null, CancellationToken.None);
            throw;
        }
        await ReleaseAsync(job, run, CancellationToken.None);
        return true;
    }
}
