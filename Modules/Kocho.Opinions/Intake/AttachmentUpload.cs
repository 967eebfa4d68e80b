namespace Kocho.Opinions.Intake;

/// <summary>A file as uploaded: its name and bytes (the declared content type is not trusted).</summary>
public sealed record AttachmentUpload(string FileName, byte[] Content);
