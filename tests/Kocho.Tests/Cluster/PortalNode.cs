using System.Diagnostics;
using System.Text;
using Kocho.Tests.Infrastructure;

namespace Kocho.Tests.Cluster;

/// <summary>
/// One portal node as its own process of the built portal (<c>dotnet Kocho.Portal.dll</c>), the way a server behind
/// the load balancer runs it: its own data folder and ports, the shared database in its arguments.
/// </summary>
public sealed class PortalNode : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    public PortalNode(string name, PortalHost settings)
    {
        Name = name;
        Settings = settings;
    }

    public string Name { get; }

    /// <summary>Arguments, data folder and ports of this node (a <see cref="PortalHost"/> that is never started in-process).</summary>
    public PortalHost Settings { get; }

    public Uri PublicUrl => Settings.PublicUrl;

    public Uri StaffUrl => Settings.StaffUrl;

    public bool IsRunning => _process is { HasExited: false };

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string PortalDll
    {
        get
        {
            var dll = Path.Combine(RepositoryRoot.Find(), "Kocho.Portal", "bin", "Release", "net10.0", "Kocho.Portal.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build Kocho.sln -c Release first.");
        }
    }

    /// <summary>Starts the process (setting the site up on first run, as <c>dotnet run</c> does) without waiting for it.</summary>
    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{Name} is already running.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(PortalDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PortalDll);
        foreach (var arg in Settings.Args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until both sites answer <c>/health</c>.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        foreach (var url in (Uri[])[PublicUrl, StaffUrl])
        {
            while (true)
            {
                if (!IsRunning) throw new InvalidOperationException($"{Name} exited: {Output}");
                try
                {
                    if ((await http.GetAsync(new Uri(url, "/health"))).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} did not serve {url} within {timeout}: {Output}");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>SIGKILL: the node dies on the spot, as a crashed server does (no shutdown, no flush).</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await Settings.DisposeAsync();
    }
}
