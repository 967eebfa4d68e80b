namespace Kocho.Opinions.Cases;

/// <summary>添付: a scan of a letter or postcard (image or PDF ≤ 10 MB), its bytes and name encrypted in the database.</summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>Base64 of the bytes, encrypted as personal data.</summary>
    public required string Content { get; set; }
    public DateTime AddedAt { get; set; }
}
