namespace Kocho.Reports.Exports;

/// <summary>Where a prepared export stands; once downloaded, expired or failed its content is gone.</summary>
public enum PreparedExportState
{
    Queued = 0,
    Running = 1,
    Ready = 2,
    Downloaded = 3,
    Expired = 4,
    Failed = 5,
}
