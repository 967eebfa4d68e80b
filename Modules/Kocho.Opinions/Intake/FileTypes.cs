namespace Kocho.Opinions.Intake;

/// <summary>Attachments are images or PDF, recognised by their first bytes (magic numbers), never by name or declared type.</summary>
public static class FileTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 10;

    /// <summary>The content type the bytes are, or null when they are no accepted image or PDF.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return "image/gif";
        if (content.StartsWith(new byte[] { 0x49, 0x49, 0x2A, 0x00 }) || content.StartsWith(new byte[] { 0x4D, 0x4D, 0x00, 0x2A })) return "image/tiff";
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
