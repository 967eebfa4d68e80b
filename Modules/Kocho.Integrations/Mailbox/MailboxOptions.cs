using MailKit.Security;

namespace Kocho.Integrations.Mailbox;

/// <summary>
/// <c>Kocho:Integrations:Mailbox</c>: the IMAP mailbox of 区長へのメール. Only in configuration (appsettings, environment),
/// so the password never lies in the database. Without a host the intake is off.
/// </summary>
public sealed class MailboxOptions
{
    public const string Section = "Kocho:Integrations:Mailbox";

    public string? Host { get; set; }
    public int Port { get; set; } = 993;

    /// <summary>SslOnConnect (IMAPS, 993) or StartTls (143); TLS is always required.</summary>
    public string Security { get; set; } = "SslOnConnect";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>SHA-256 thumbprints of server certificates trusted beside the system's roots (self-signed servers).</summary>
    public List<string> TrustedThumbprints { get; set; } = [];

    public string Inbox { get; set; } = "INBOX";
    public string ProcessedFolder { get; set; } = "Kocho-Processed";
    public string IgnoredFolder { get; set; } = "Kocho-AutoReplies";
    public string RejectedFolder { get; set; } = "Kocho-Rejected";

    /// <summary>Mails larger than this are not taken (moved to <see cref="RejectedFolder"/> without being downloaded).</summary>
    public long MaxMessageBytes { get; set; } = 25 * 1024 * 1024;
    public int BatchSize { get; set; } = 50;
    public bool Schedule { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions SocketOptions => Security.Equals("StartTls", StringComparison.OrdinalIgnoreCase)
        ? SecureSocketOptions.StartTls
        : SecureSocketOptions.SslOnConnect;

    public IEnumerable<string> Problems()
    {
        if (!Configured) yield break;
        if (!Security.Equals("StartTls", StringComparison.OrdinalIgnoreCase) && !Security.Equals("SslOnConnect", StringComparison.OrdinalIgnoreCase))
            yield return $"{Section}:Security must be SslOnConnect or StartTls (TLS is required).";
        if (Port is < 1 or > 65535) yield return $"{Section}:Port must be between 1 and 65535.";
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password)) yield return $"{Section}:UserName and :Password are required with a Host.";
        if (MaxMessageBytes < 1024) yield return $"{Section}:MaxMessageBytes is too small.";
        if (BatchSize < 1) yield return $"{Section}:BatchSize must be at least 1.";
        if (PollInterval < TimeSpan.FromSeconds(1)) yield return $"{Section}:PollInterval must be at least one second.";
        foreach (var folder in new[] { ProcessedFolder, IgnoredFolder, RejectedFolder })
            if (string.IsNullOrWhiteSpace(folder) || folder.Equals(Inbox, StringComparison.OrdinalIgnoreCase)) yield return $"{Section}: the folders must be named and differ from the inbox.";
    }
}
