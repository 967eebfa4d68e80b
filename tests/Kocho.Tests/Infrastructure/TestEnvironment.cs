namespace Kocho.Tests.Infrastructure;

/// <summary>What test.sh provides: the database engine under test and the services on loopback.</summary>
public static class TestEnvironment
{
    public static string Provider => Environment.GetEnvironmentVariable("KOCHO_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";

    public static bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Admin connection to the throwaway PostgreSQL that test.sh starts.</summary>
    public static string PostgresAdminConnection =>
        Environment.GetEnvironmentVariable("KOCHO_TEST_POSTGRES") is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("KOCHO_TEST_PROVIDER=Postgres needs KOCHO_TEST_POSTGRES (run ./test.sh).");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("KOCHO_TEST_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    /// <summary>A Python with aiosmtpd (Debian's python3-aiosmtpd) for <see cref="LoopbackSmtpServer"/>.</summary>
    public static string SmtpPython => Environment.GetEnvironmentVariable("KOCHO_TEST_SMTP_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port free right now and never handed out before in this test run: the kernel may give a
    /// just-closed port again, and two listeners of one host must not get the same one.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}
