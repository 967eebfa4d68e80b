using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Kocho.Tests.Infrastructure;

namespace Kocho.Tests.Cluster;

/// <summary>
/// Debian's nginx on loopback in front of the nodes, round robin, one server block per site (public and staff), as
/// docs/deployment.md describes (there with TLS). Each response names the node that served it (<c>X-Kocho-Node</c>).
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    public const string Nginx = "/usr/sbin/nginx";
    public const string NodeHeader = "X-Kocho-Node";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kocho-tests", "nginx-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _stderr = new();
    private Process? _process;

    public Uri PublicUrl { get; } = new($"http://127.0.0.1:{TestEnvironment.FreePort()}");

    public Uri StaffUrl { get; } = new($"http://127.0.0.1:{TestEnvironment.FreePort()}");

    public static async Task<LoadBalancer> StartAsync(IReadOnlyList<PortalNode> nodes)
    {
        if (!File.Exists(Nginx)) throw new InvalidOperationException($"{Nginx} is missing (Debian: nginx-light; test.sh installs it).");
        var balancer = new LoadBalancer();
        await balancer.RunAsync(nodes);
        return balancer;
    }

    private string Config(IReadOnlyList<PortalNode> nodes)
    {
        static string Servers(IEnumerable<Uri> urls) =>
            string.Concat(urls.Select(u => $"        server 127.0.0.1:{u.Port} max_fails=1 fail_timeout=30s;\n"));
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}worker_processes 1;
            daemon off;
            pid {{_root}}/nginx.pid;
            error_log {{_root}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{_root}}/body;
                proxy_temp_path {{_root}}/proxy;
                fastcgi_temp_path {{_root}}/fastcgi;
                uwsgi_temp_path {{_root}}/uwsgi;
                scgi_temp_path {{_root}}/scgi;
                client_max_body_size 20m;
                upstream kocho_public {
            {{Servers(nodes.Select(n => n.PublicUrl))}}    }
                upstream kocho_staff {
            {{Servers(nodes.Select(n => n.StaffUrl))}}    }
                server {
                    listen 127.0.0.1:{{PublicUrl.Port}};
                    location / { proxy_pass http://kocho_public; include {{_root}}/proxy.conf; }
                }
                server {
                    listen 127.0.0.1:{{StaffUrl.Port}};
                    location / { proxy_pass http://kocho_staff; include {{_root}}/proxy.conf; }
                }
            }
            """;
    }

    private const string ProxySettings = """
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_next_upstream error timeout;
        proxy_connect_timeout 2s;
        proxy_read_timeout 60s;
        add_header X-Kocho-Node $upstream_addr always;
        """;

    private async Task RunAsync(IReadOnlyList<PortalNode> nodes)
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "proxy.conf"), ProxySettings);
        var config = Path.Combine(_root, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(nodes));
        var start = new ProcessStartInfo(Nginx) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["-p", _root, "-e", Path.Combine(_root, "error.log"), "-c", config]) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        foreach (var port in (int[])[PublicUrl.Port, StaffUrl.Port])
        {
            while (true)
            {
                if (_process.HasExited) throw new InvalidOperationException($"nginx exited: {_stderr} {ErrorLog}");
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync("127.0.0.1", port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    public string ErrorLog => File.Exists(Path.Combine(_root, "error.log")) ? File.ReadAllText(Path.Combine(_root, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
