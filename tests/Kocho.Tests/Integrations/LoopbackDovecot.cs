using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Kocho.Tests.Infrastructure;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace Kocho.Tests.Integrations;

/// <summary>
/// A throwaway IMAP server on loopback: Debian's dovecot with its own configuration in a temp folder, IMAPS with a
/// self-signed certificate, one passwd-file user and Maildir storage. Tests put mails in with MailKit APPEND.
/// </summary>
public sealed class LoopbackDovecot : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string User = "kucho";
    public const string Password = "Mailbox-Pass-2026";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kocho-tests", "dovecot-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;

    public int Port { get; } = TestEnvironment.FreePort();
    public X509Certificate2 Certificate { get; } = TestCertificate.Create();
    public string Thumbprint => TestCertificate.Sha256(Certificate);

    public string[] PortalArgs =>
    [
        "--Kocho:Integrations:Mailbox:Host=127.0.0.1",
        $"--Kocho:Integrations:Mailbox:Port={Port}",
        "--Kocho:Integrations:Mailbox:Security=SslOnConnect",
        $"--Kocho:Integrations:Mailbox:UserName={User}",
        $"--Kocho:Integrations:Mailbox:Password={Password}",
        $"--Kocho:Integrations:Mailbox:TrustedThumbprints:0={Thumbprint}",
    ];

    public async Task StartAsync()
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: install Debian's dovecot-imapd (test.sh does).");
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        var mail = Directory.CreateDirectory(Path.Combine(_root, "mail"));
        await File.WriteAllTextAsync(Path.Combine(_root, "cert.pem"), Certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_root, "key.pem"), Certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(Path.Combine(_root, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        // As root, dovecot's own unprivileged users run the logins and own the mail; otherwise everything runs as us.
        var root = Environment.UserName == "root";
        var internalUser = root ? "dovecot" : Environment.UserName;
        var loginUser = root ? "dovenull" : Environment.UserName;
        if (root && !OperatingSystem.IsWindows()) File.SetUnixFileMode(mail.FullName, (UnixFileMode)0x1FF);
        await File.WriteAllTextAsync(Path.Combine(_root, "dovecot.conf"), $$"""
            base_dir = {{_root}}/run
            state_dir = {{_root}}/run
            instance_name = kocho-{{Port}}
            protocols = imap
            listen = 127.0.0.1
            log_path = {{_root}}/dovecot.log
            ssl = required
            ssl_cert = <{{_root}}/cert.pem
            ssl_key = <{{_root}}/key.pem
            default_internal_user = {{internalUser}}
            default_internal_group = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 0
            mail_location = maildir:{{_root}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_root}}/passwd
            }
            userdb {
              driver = static
              args = uid={{internalUser}} gid={{internalUser}} home={{_root}}/mail/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                port = 0
              }
              inet_listener imaps {
                port = {{Port}}
                ssl = yes
              }
            }
            service anvil {
              chroot =
            }
            """);
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["-F", "-c", Path.Combine(_root, "dovecot.conf")]) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        for (var i = 0; ; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException("dovecot did not start: " + await _process.StandardError.ReadToEndAsync() + Log());
            try
            {
                using var client = await ConnectAsync();
                return;
            }
            catch (Exception) when (i < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    private string Log() => File.Exists(Path.Combine(_root, "dovecot.log")) ? File.ReadAllText(Path.Combine(_root, "dovecot.log")) : "";

    /// <summary>A MailKit client signed in as the mailbox user, trusting the test certificate only.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { ServerCertificateValidationCallback = (_, c, _, _) => c is not null && TestCertificate.Sha256(c) == Thumbprint };
        try
        {
            await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.SslOnConnect);
            await client.AuthenticateAsync(User, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Delivers <paramref name="messages"/> to the inbox as a mail server would (IMAP APPEND).</summary>
    public async Task AppendAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        foreach (var message in messages) await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>The subjects of the mails in <paramref name="folder"/> (empty when it does not exist).</summary>
    public async Task<IReadOnlyList<string>> SubjectsAsync(string folder)
    {
        using var client = await ConnectAsync();
        IMailFolder box;
        try
        {
            box = folder == "INBOX" ? client.Inbox : await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await box.OpenAsync(FolderAccess.ReadOnly);
        if (box.Count == 0) return [];
        var summaries = await box.FetchAsync(0, -1, MessageSummaryItems.Envelope);
        await client.DisconnectAsync(true);
        return summaries.Select(s => s.Envelope?.Subject ?? "").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Certificate.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
