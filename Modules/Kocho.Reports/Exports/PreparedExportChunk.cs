namespace Kocho.Reports.Exports;

/// <summary>
/// A piece of a prepared export's file, encrypted with ASP.NET Core Data Protection (key ring in the database): the file is
/// never in clear outside the request that downloads it (特記事項 8), and any node of a cluster can serve it.
/// </summary>
public sealed class PreparedExportChunk
{
    public Guid ExportId { get; set; }
    public int Index { get; set; }
    public byte[] Data { get; set; } = [];
}
