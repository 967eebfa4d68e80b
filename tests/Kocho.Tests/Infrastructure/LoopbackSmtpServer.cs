using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Kocho.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (<c>python3 -m aiosmtpd</c>) keeping every mail it accepts in a
/// Maildir, as a ward's relay would take it. It can be started late and stopped, to play a relay that is down.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kocho-tests", "smtp-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    public LoopbackSmtpServer()
    {
        Directory.CreateDirectory(_root);
    }

    public int Port { get; } = TestEnvironment.FreePort();

    /// <summary>aiosmtpd creates the Maildir itself and only when the folder does not exist yet.</summary>
    public string Maildir => Path.Combine(_root, "maildir");

    /// <summary>Settings that point the portal at this server (no TLS, no authentication).</summary>
    public string[] PortalArgs =>
    [
        "--Kocho:Mail:Smtp:Host=127.0.0.1",
        $"--Kocho:Mail:Smtp:Port={Port}",
        "--Kocho:Mail:Smtp:Security=None",
        "--Kocho:Mail:Smtp:From=kocho@city.shinjuku.example",
        "--Kocho:Mail:Smtp:FromName=新宿区 広聴システム",
    ];

    public static async Task<LoopbackSmtpServer> StartNewAsync()
    {
        var server = new LoopbackSmtpServer();
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server and returns once its port accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_process is not null) throw new InvalidOperationException("The SMTP server is already running.");
        var start = new ProcessStartInfo(TestEnvironment.SmtpPython)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cannot run {TestEnvironment.SmtpPython} (set KOCHO_TEST_SMTP_PYTHON; Debian: python3-aiosmtpd): {ex.Message}");
        }
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                lock (_stderr) throw new InvalidOperationException($"aiosmtpd exited ({_process.ExitCode}): {_stderr} (KOCHO_TEST_SMTP_PYTHON={TestEnvironment.SmtpPython}; Debian: python3-aiosmtpd)");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every mail the server has accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Order().Select(f => MimeMessage.Load(f)).ToList();
    }

    /// <summary>The mails to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> ReceivedBy(string address) =>
        Received().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> mails to <paramref name="address"/> have arrived, then returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var received = ReceivedBy(address);
            if (received.Count >= count) return received;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{received.Count} of {count} mail(s) to {address} arrived in time.");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
