namespace Kocho.Core.Jobs;

/// <summary>
/// One row of <c>core_job_leases</c>: which node runs a once-per-cluster job (<see cref="Owner"/> until
/// <see cref="ExpiresUtc"/>) and the last run it completed (e.g. the business date of a morning scan).
/// </summary>
public sealed class JobLease
{
    public const int MaxNameLength = 100;

    public string Name { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTime ExpiresUtc { get; set; }
    public string? LastCompleted { get; set; }
    public DateTime? LastCompletedUtc { get; set; }
}
