namespace Kocho.Core.Jobs;

/// <summary>This node's name in <c>core_job_leases</c> (machine/process/instance: two hosts in one process are two nodes).</summary>
public sealed class JobLeaseOwner
{
    private readonly string _id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public string Id => _id.Length <= 200 ? _id : _id[^200..];
}
